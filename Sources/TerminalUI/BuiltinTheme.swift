// BuiltinTheme.swift: a built-in copy of themes/default.theme, so pmtop works when no theme
// file is found. A test keeps it byte-equal to the file.

enum BuiltinTheme {
    static let defaultText = """
        # default.theme: pmtop's default colours, for dark and default terminal backgrounds.
        # role = FG [on BG] [+bold] [+dim] [+reverse] [+underline]
        # colours: default, black..white, bright-black..bright-white, 0-255, #rrggbb
        $bad                   = red
        $warn                  = 214
        $good                  = green
        text                   = default on default
        text.dim               = 244
        text.control           = magenta +bold
        header                 = 231 on 24 +bold
        statusbar              = 231 on 236
        statusbar.warning      = 231 on 88 +bold
        pane.border            = 240
        pane.title             = 250 +bold
        pane.title.focused     = black on cyan +bold
        table.header           = 250 +underline
        selection              = black on 152
        selection.unfocused    = default on 237
        status.sent            = $good
        status.deferred        = $warn
        status.bounced         = $bad +bold
        status.expired         = 203 +bold
        status.rejected        = 168
        log.warning            = yellow
        log.fatal              = 231 on 124 +bold
        log.unrecognized       = 242
        traffic.unacknowledged = $bad +bold
        traffic.acknowledged   = 246
        class.bounce           = $bad
        class.delay            = $warn
        class.report           = 75
        class.other            = default
        health.ok              = $good
        health.degraded        = $warn
        health.failing         = $bad +bold
        keybar                 = 250 on 236
        help.key               = cyan +bold
        prompt                 = black on yellow
        match                  = black on 229
        """
}
