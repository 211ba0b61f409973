// MaildirRaceTests.swift: an MTA-like writer delivers 10 000 messages (write in tmp/, rename
// into new/) while a second process renames flags as mutt does (new/ -> cur/ with :2,S,
// flags added and removed in cur/) and pmtop's Acknowledger acknowledges and undoes in bulk.
// Afterwards every message exists exactly once: none lost, none duplicated.
// The two helper processes are perl (Debian essential), so they really run beside us; the
// Maildir is on /dev/shm when there is one, so the test stays within about 20 s.

import Foundation
import Maildir
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct MaildirRaceTests {
    static let count = 10_000

    static let mta = """
        my ($md, $n) = @ARGV;
        for my $i (1..$n) {
            my $u = sprintf("1795958%03d.M%dP%d.race", $i % 1000, $i, $$);
            open(my $f, '>', "$md/tmp/$u") or die "tmp: $!";
            print $f "From: mta\\@x.test\\nSubject: race $i\\nMessage-ID: <$i\\@race>\\n\\nbody $i\\n";
            close($f);
            rename("$md/tmp/$u", "$md/new/$u") or die "deliver: $!";
            select(undef, undef, undef, 0.0005) if $i % 2 == 0;
        }
        """

    // as mutt does when it opens the folder and the user reads and flags: every rename may
    // lose to another program's (ENOENT), which is not an error
    static let mutt = """
        my ($md, $until) = @ARGV;
        my $renames = 0;
        while (!-e $until) {
            opendir(my $d, "$md/new") or die; my @new = grep { !/^\\./ } readdir($d); closedir($d);
            for my $f (grep { rand() < 0.3 } @new) { $renames++ if rename("$md/new/$f", "$md/cur/$f:2,S"); }
            opendir($d, "$md/cur") or die; my @cur = grep { !/^\\./ } readdir($d); closedir($d);
            for my $f (grep { rand() < 0.01 } @cur) {
                my ($u, $fl) = split(/:2,/, $f, 2); $fl //= '';
                my $to = $fl =~ /F/ ? ($fl =~ s/F//r) : join('', sort split(//, $fl . 'F'));
                $renames++ if rename("$md/cur/$f", "$md/cur/$u:2,$to");
            }
            select(undef, undef, undef, 0.02);
        }
        print "$renames\\n";
        """

    @Test func everyMessageExactlyOnce() throws {
        // tmpfs: the same rename semantics, without the disk making the MTA the slowest party
        let dir = try Scratch("race", base: "/dev/shm")
        defer { dir.remove() }
        let md = dir.file("Maildir")
        for sub in ["", "/tmp", "/new", "/cur"] { mkdir(md + sub, 0o755) }
        try Self.mta.write(toFile: dir.file("mta.pl"), atomically: true, encoding: .utf8)
        try Self.mutt.write(toFile: dir.file("mutt.pl"), atomically: true, encoding: .utf8)
        let stop = dir.file("stop")
        let started = Date()
        guard
            let mta = Child(
                ["perl", dir.file("mta.pl"), md, String(Self.count)], stdout: dir.file("mta.out"),
                stderr: dir.file("mta.err")),
            let mutt = Child(
                ["perl", dir.file("mutt.pl"), md, stop], stdout: dir.file("mutt.out"), stderr: dir.file("mutt.err"))
        else {
            Issue.record("cannot start perl")
            return
        }
        // pmtop's side: acknowledge everything it sees, then undo it all, in rounds
        var acknowledged = 0
        var undone = 0
        var raced = 0
        var rounds = 0
        var mtaDone: Int32?
        while true {
            mtaDone = mtaDone ?? mta.wait(timeout: 0)
            // in bulk, as the console's `A` does, 500 at a time: a stale name costs a rescan
            // (Acknowledger.locate), so whole-folder rounds would crawl while mutt renames
            let batch = MaildirScanner.scan(md).shuffled().prefix(500)
            for seen in [true, false] {
                for e in batch {
                    let (unique, flags) = MaildirName.split(e.file)
                    let m = MessageSummary(maildir: md, dir: e.dir, file: e.file, unique: unique, flags: flags)
                    do {
                        _ = try Acknowledger.setSeen(m, seen)  // undo: by the name it had, found again if moved
                        if seen { acknowledged += 1 } else { undone += 1 }
                    } catch {
                        raced += 1  // lost the race twice (moved again meanwhile): reported, never fatal
                    }
                }
            }
            rounds += 1
            usleep(20_000)
            if mtaDone != nil || Date().timeIntervalSince(started) > 30 { break }
        }
        _ = FileManager.default.createFile(atPath: stop, contents: nil)
        #expect(mutt.wait(timeout: 10) == 0)
        #expect(
            mtaDone == 0,
            "the MTA writer failed: \((try? String(contentsOfFile: dir.file("mta.err"), encoding: .utf8)) ?? "")")
        let muttRenames =
            (try? String(contentsOfFile: dir.file("mutt.out"), encoding: .utf8))?.trimmingCharacters(
                in: .whitespacesAndNewlines) ?? "?"
        // the census
        var copies: [String: Int] = [:]
        for sub in ["new", "cur"] {
            for f in try FileManager.default.contentsOfDirectory(atPath: md + "/" + sub) {
                copies[MaildirName.split(f).unique, default: 0] += 1
            }
        }
        let tmpLeft = try FileManager.default.contentsOfDirectory(atPath: md + "/tmp").count
        let lost = Self.count - copies.count
        let duplicated = copies.values.reduce(0) { $0 + max(0, $1 - 1) }
        print(
            "maildir race: \(Self.count) delivered, \(muttRenames) mutt renames, \(acknowledged) acknowledged, \(undone) undone,"
                + " \(raced) lost races, \(rounds) rounds in "
                + String(format: "%.1f s", Date().timeIntervalSince(started))
                + "; messages lost \(lost), duplicated \(duplicated), left in tmp \(tmpLeft)")
        #expect(lost == 0)
        #expect(duplicated == 0)
        #expect(tmpLeft == 0)
        #expect(acknowledged > 0 && undone > 0, "pmtop's side never won a rename")
    }
}
