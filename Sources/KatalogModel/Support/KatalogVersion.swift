/// Katalog's version, as `katalog --version` prints it and `/metrics` reports it (`katalog_build_info`).
public enum KatalogVersion {
    public static let current = "0.1.0"
}
