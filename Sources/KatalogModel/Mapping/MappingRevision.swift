/// The revision of Katalog's mapping from source records to the unified model.
///
/// A harvest stores it with a document's validators and digest; a later run trusts them (a 304, or a body with the
/// same digest) only under the same revision. **Bump it in any change that makes a mapper produce different output
/// for the same input** (a new property mapped, a vocabulary entry added, a date format read differently), so every
/// unchanged source is mapped again once after an upgrade instead of keeping what the old mapping made of it.
public enum MappingRevision {
    /// The current revision.
    public static let current = "2026-12-07.2"
}
