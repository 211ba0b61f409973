// main.swift: pmtop's entry point: parse arguments and hand over to the command.

PmtopCommand.main()
