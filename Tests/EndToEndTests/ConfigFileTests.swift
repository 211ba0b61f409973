// ConfigFileTests.swift: pmtop.conf parsing without a terminal: continuation lines,
// $variables, repeatable sources, and a `file:line` warning for every bad line.

import Testing

@testable import pmtop

@Suite struct ConfigFileTests {
    @Test func syntaxLikeThemesWithWarnings() {
        let text = """
            # pmtop.conf
            $logs = /var/log
            log = $logs/mail.log
            maildir = /srv/postmaster/Maildir,
                /srv/abuse/Maildir
            theme = high-contrast
            refresh = 2s
            journal = postfix@-.service
            colour = red
            refresh = soon
            nonsense
            """
        let c = ConfigFile.parse(text, file: "pmtop.conf")
        #expect(c.logs == ["/var/log/mail.log"])
        #expect(c.maildirs == ["/srv/postmaster/Maildir", "/srv/abuse/Maildir"])
        #expect(c.theme == "high-contrast")
        #expect(c.refresh == 2)
        #expect(c.journal == "postfix@-.service")
        #expect(
            c.warnings == [
                "pmtop.conf:9: unknown setting 'colour' (known: journal, log, maildir, refresh, theme)",
                "pmtop.conf:10: refresh: 'soon' is not a number of seconds (0.1 to 3600)",
                "pmtop.conf:11: expected 'name = value'",
            ])
    }

    @Test func pathFollowsXDGElseHome() {
        #expect(ConfigFile.defaultPath(["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/pmtop/pmtop.conf")
        #expect(ConfigFile.defaultPath(["HOME": "/h"]) == "/h/.config/pmtop/pmtop.conf")
        #expect(ConfigFile.load("/nonexistent/pmtop.conf") == ConfigFile())
    }
}
