// swift-tools-version:6.0
// pmtop: the postmaster's console. Module graph (a DAG, nothing imports upward):
//   CNcursesw, CLinuxShim, CZlib (system libraries)
//   MailModel <- MTALog, Maildir, MailQueue, MailSim
//   TerminalUI (grid, roles, themes, the one curses file)
//   Postmaster (state, update, view) <- pmtop (CLI, wiring, the poll loop)
import PackageDescription

let package = Package(
    name: "pmtop",
    products: [
        .executable(name: "pmtop", targets: ["pmtop"]),
        .executable(name: "mailsim", targets: ["mailsim"]),
        .executable(name: "FuzzLogLine", targets: ["FuzzLogLine"]),
        .executable(name: "FuzzMessage", targets: ["FuzzMessage"]),
        .executable(name: "FuzzReports", targets: ["FuzzReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CLinuxShim"),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "MailModel"),
        .target(name: "MTALog", dependencies: ["MailModel", "CLinuxShim", "CZlib"]),
        .target(name: "Maildir", dependencies: ["MailModel", "CLinuxShim", "CZlib"]),
        .target(name: "MailQueue", dependencies: ["MailModel"]),
        .target(name: "MailSim", dependencies: ["MailModel"]),
        .target(name: "TerminalUI", dependencies: ["CNcursesw", "CLinuxShim"]),
        .target(
            name: "Postmaster",
            dependencies: ["MailModel", "MTALog", "Maildir", "MailQueue", "TerminalUI"]),
        .executableTarget(
            name: "pmtop",
            dependencies: [
                "MailModel", "MTALog", "Maildir", "MailQueue", "MailSim", "TerminalUI", "Postmaster",
                "CLinuxShim",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "mailsim", dependencies: ["MailSim"]),
        .testTarget(name: "MailModelTests", dependencies: ["MailModel"]),
        .testTarget(name: "MTALogTests", dependencies: ["MTALog", "MailModel"], exclude: ["Fixtures"]),
        .testTarget(name: "MaildirTests", dependencies: ["Maildir", "MailModel", "CZlib"], exclude: ["Fixtures"]),
        .testTarget(name: "MailQueueTests", dependencies: ["MailQueue"], exclude: ["Fixtures"]),
        .testTarget(name: "MailSimTests", dependencies: ["MailSim", "MTALog", "Maildir"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(
            name: "PostmasterTests",
            dependencies: ["Postmaster", "TerminalUI", "MTALog", "Maildir", "MailModel", "MailQueue", "MailSim"],
            exclude: ["Snapshots"]),
        // test-side helpers shared by the tests that drive the built binaries (tmux, spawning)
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "EndToEndTests", dependencies: ["pmtop", "mailsim", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "IntegrationTests", dependencies: ["pmtop", "TestSupport"], exclude: ["Fixtures"]),
        // libFuzzer targets: scripts/fuzz.sh builds them with -DPMTOP_FUZZ; plainly built they replay files
        .executableTarget(name: "FuzzLogLine", dependencies: ["MTALog", "MailModel"]),
        .executableTarget(name: "FuzzMessage", dependencies: ["Maildir"]),
        .executableTarget(name: "FuzzReports", dependencies: ["Maildir"]),
        .testTarget(
            name: "HardeningTests", dependencies: ["pmtop", "mailsim", "MailModel", "Maildir", "MTALog", "TestSupport"]),
    ]
)
