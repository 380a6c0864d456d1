import Foundation
import KatalogStore

/// `/sources`: each source, its datasets, when it was last brought up to date, and whether it needs someone to look at
/// it, for people (the same as `/health`, which is for programs).
struct SourcesPage {
    struct Strings: Sendable {
        var title, intro, source, datasets, upToDate, state, lastRun, never, ok, overdue, holding, failing, running: String
        var ago: @Sendable (String) -> String
        var qualityTitle, qualityIntro, all, recounting, firstCount: String
        /// Column headings of the quality table, by indicator.
        var indicators: [String: String]
    }

    static let swedish = Strings(
        title: "Källor", intro: "När varje källa senast skördades, och vad som behöver tittas på.",
        source: "Källa", datasets: "Dataset", upToDate: "Senast uppdaterad", state: "Läge", lastRun: "Senaste körning",
        never: "aldrig", ok: "OK", overdue: "försenad", holding: "håller borttagningar", failing: "misslyckas sedan dess",
        running: "körs nu", ago: { "för \($0) sedan" },
        qualityTitle: "Metadatakvalitet",
        qualityIntro: "Andel av varje källas dataset som har uppgiften (EU: ur EU:s vokabulär).",
        all: "Alla källor", recounting: "Räknat före den senaste skördningen; räknas om nu.",
        firstCount: "Räknas nu för första gången; ladda om sidan om en stund.",
        indicators: ["description": "Beskrivning", "keywords": "Nyckelord", "theme_from_vocabulary": "Tema (EU)",
                     "licence": "Licens", "open_licence": "Öppen licens", "format_from_vocabulary": "Format (EU)",
                     "download_url": "Nedladdning", "modified": "Uppdaterad"])

    static let english = Strings(
        title: "Sources", intro: "When each source was last harvested, and what needs looking at.",
        source: "Source", datasets: "Datasets", upToDate: "Last brought up to date", state: "State", lastRun: "Last run",
        never: "never", ok: "OK", overdue: "overdue", holding: "holding deletions", failing: "failing since",
        running: "running", ago: { "\($0) ago" },
        qualityTitle: "Metadata quality",
        qualityIntro: "Share of each source's datasets that have the item (EU: from the EU vocabulary).",
        all: "All sources", recounting: "Counted before the latest harvest; being counted again now.",
        firstCount: "Being counted for the first time; reload the page in a while.",
        indicators: ["description": "Description", "keywords": "Keywords", "theme_from_vocabulary": "Theme (EU)",
                     "licence": "Licence", "open_licence": "Open licence", "format_from_vocabulary": "Format (EU)",
                     "download_url": "Download", "modified": "Modified"])

    let language: UILanguage
    let reports: [HarvestHealth.Report]
    let counts: [String: SourceRecordCounts]
    /// Nil while the first count runs.
    let quality: QualityReport.Report?
    let now: Date

    func render() -> String {
        let s = language == .sv ? Self.swedish : Self.english
        var body = "<h1>\(HTML.escape(s.title))</h1><p>\(HTML.escape(s.intro))</p>"
        body += "<table><tr><th>\(HTML.escape(s.source))</th><th>\(HTML.escape(s.datasets))</th><th>\(HTML.escape(s.upToDate))</th>"
        body += "<th>\(HTML.escape(s.state))</th><th>\(HTML.escape(s.lastRun))</th></tr>"
        for report in reports {
            let freshness = report.freshness
            var upToDate = s.never
            if let ended = freshness?.lastAppliedAt {
                upToDate = Self.time(ended) + " (" + s.ago(HarvestHealth.age(now.timeIntervalSince(ended))) + ")"
            }
            var states: [String] = []
            if report.overdue == true { states.append(s.overdue) }
            if let failed = freshness?.failedSinceApplied, failed > 0 { states.append("\(s.failing): \(failed)") }
            if let held = freshness?.deletionsHeld, held > 0 { states.append("\(s.holding): \(held)") }
            if freshness?.lastRun.status == .running { states.append(s.running) }
            let state = states.isEmpty ? (freshness?.lastApplied == nil ? s.never : s.ok) : states.joined(separator: "; ")
            var lastRun = ""
            if let run = freshness?.lastRun {
                lastRun = "\(run.status.rawValue) \(Self.time(run.startedAt))"
                if let message = run.message, run.status != .succeeded, run.status != .unchanged {
                    lastRun += ": " + String(message.prefix(200))
                }
            }
            let attention = !states.isEmpty && freshness?.lastRun.status != .running
            body += "<tr\(attention ? " class=\"attention\"" : "")><td>\(HTML.escape(report.name))</td>"
            body += "<td class=\"count\">\(counts[report.name]?.live ?? 0)</td><td>\(HTML.escape(upToDate))</td>"
            body += "<td>\(HTML.escape(state))</td><td>\(HTML.escape(lastRun))</td></tr>"
        }
        body += "</table>"
        body += qualityTable(s)
        return HTML.page(title: "\(s.title) – Katalog", language: language, body: body)
    }

    /// The indicators the page shows, in order.
    static let shownIndicators = ["description", "keywords", "theme_from_vocabulary", "licence", "open_licence",
                                  "format_from_vocabulary", "download_url", "modified"]

    private func qualityTable(_ s: Strings) -> String {
        guard let quality else {
            return "<h2>\(HTML.escape(s.qualityTitle))</h2><p>\(HTML.escape(s.firstCount))</p>"
        }
        var html = "<h2>\(HTML.escape(s.qualityTitle))</h2><p>\(HTML.escape(s.qualityIntro))"
        if !quality.upToDate { html += " " + HTML.escape(s.recounting) }
        html += "</p><table><tr><th>\(HTML.escape(s.source))</th>"
        html += "<th>\(HTML.escape(s.datasets))</th>"
        for key in Self.shownIndicators { html += "<th>\(HTML.escape(s.indicators[key] ?? key))</th>" }
        html += "</tr>"
        // The sources first, then the total.
        let rows = quality.counts.sources.map { (HTML.escape($0.name), $0.quality) }
            + [("<strong>\(HTML.escape(s.all))</strong>", quality.counts.total)]
        for (name, counts) in rows {
            let values = counts.indicatorsByName
            html += "<tr><td>\(name)</td><td class=\"count\">\(counts.datasets)</td>"
            for key in Self.shownIndicators { html += "<td class=\"count\">\(counts.percent(values[key] ?? 0)) %</td>" }
            html += "</tr>"
        }
        return html + "</table>"
    }

    /// `2026-12-07 03:10 UTC`.
    static func time(_ date: Date) -> String {
        let text = date.formatted(.iso8601)
        return text.count >= 16 ? String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)) + " UTC" : text
    }
}
