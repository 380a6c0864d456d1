/// Placeholder until the layer lands.
public enum KatalogHubVersion { public static let value = "0.1.0" }
