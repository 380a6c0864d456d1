/// What a paging state machine (``CKANPaging``, ``CSWPaging``, ``OAIPMHPaging``) says to do with a page just fetched.
enum PagingDecision: Equatable, Sendable {
    /// Process the page's records.
    case process
    /// Do not process the page; paging ends with this warning.
    case stop(warning: String)
}
