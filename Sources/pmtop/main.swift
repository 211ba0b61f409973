// main.swift: pmtop's entry point: parse arguments and hand over to the command.
// `--journal` takes an optional value (`--journal[=UNIT]`, DESIGN.md §3), which
// ArgumentParser options cannot express: a bare `--journal` becomes `--journal=*` (all MTA
// identifiers) before parsing.

let arguments = CommandLine.arguments.dropFirst().map { $0 == "--journal" || $0 == "--journal=" ? "--journal=*" : $0 }
PmtopCommand.main(Array(arguments))
