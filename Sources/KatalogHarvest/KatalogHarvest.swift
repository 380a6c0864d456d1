/// Placeholder until the layer lands.
public enum KatalogHarvestVersion { public static let value = "0.1.0" }
