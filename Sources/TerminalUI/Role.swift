// Role.swift: what a cell means (`status.bounced`), never what colour it is.
// Themes map roles to styles; snapshots record roles by their one-letter code.

public enum Role: UInt8, CaseIterable, Sendable, Hashable {
    case text, dim, header, statusBar, statusWarn, paneBorder, paneTitle, paneTitleFocused
    case columnHeader, selection, selectionUnfocused, sent, deferred, bounced, expired, rejected
    case warning, fatal, unrecognized, unacknowledged, acknowledged, classBounce, classDelay
    case classReport, classOther, healthOK, healthDegraded, healthFailing, control, keyHint
    case helpKey, prompt, match

    /// The name used in theme files (`status.bounced = red +bold`).
    public var name: String {
        switch self {
        case .text: return "text"
        case .dim: return "text.dim"
        case .header: return "header"
        case .statusBar: return "statusbar"
        case .statusWarn: return "statusbar.warning"
        case .paneBorder: return "pane.border"
        case .paneTitle: return "pane.title"
        case .paneTitleFocused: return "pane.title.focused"
        case .columnHeader: return "table.header"
        case .selection: return "selection"
        case .selectionUnfocused: return "selection.unfocused"
        case .sent: return "status.sent"
        case .deferred: return "status.deferred"
        case .bounced: return "status.bounced"
        case .expired: return "status.expired"
        case .rejected: return "status.rejected"
        case .warning: return "log.warning"
        case .fatal: return "log.fatal"
        case .unrecognized: return "log.unrecognized"
        case .unacknowledged: return "traffic.unacknowledged"
        case .acknowledged: return "traffic.acknowledged"
        case .classBounce: return "class.bounce"
        case .classDelay: return "class.delay"
        case .classReport: return "class.report"
        case .classOther: return "class.other"
        case .healthOK: return "health.ok"
        case .healthDegraded: return "health.degraded"
        case .healthFailing: return "health.failing"
        case .control: return "text.control"
        case .keyHint: return "keybar"
        case .helpKey: return "help.key"
        case .prompt: return "prompt"
        case .match: return "match"
        }
    }

    /// One printable letter per role, for the role layer of text snapshots.
    public var code: Character {
        return Role.codes[Int(rawValue)]
    }

    private static let codes = Array(".dHsS|tTcxXgyBeRwFuUablrokDfCKhPm")

    public static func named(_ name: String) -> Role? { byName[name] }

    private static let byName: [String: Role] = {
        var d: [String: Role] = [:]
        for r in Role.allCases { d[r.name] = r }
        return d
    }()
}
