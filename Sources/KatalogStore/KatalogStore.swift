/// Placeholder until the layer lands.
public enum KatalogStoreVersion { public static let value = "0.1.0" }
