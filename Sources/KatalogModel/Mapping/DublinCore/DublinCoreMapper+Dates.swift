extension DublinCoreMapper {
    /// The most `dc:date`s compared.
    static let dateCap = 100

    /// `issued` and `modified` from the `dc:date`s: one date is the issue date; of several, the earliest readable
    /// one is `issued` and the latest readable one, when later, is `modified`. Without any readable date the first
    /// date is `issued`, kept raw.
    static func dates(_ values: [DublinCoreValue]) -> (issued: DateValue?, modified: DateValue?) {
        let dates = values.prefix(dateCap).map { DateValue(raw: $0.text) }
        let readable = dates.compactMap { date in date.sortKey.map { (key: $0, date: date) } }
        guard let earliest = readable.min(by: { $0.key < $1.key }),
              let latest = readable.max(by: { $0.key < $1.key }) else {
            return (dates.first, nil)
        }
        return (earliest.date, latest.key > earliest.key ? latest.date : nil)
    }
}
