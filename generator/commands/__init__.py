"""The commands wing: the `mentorkit` command line, its scaffolds and the programme's report with
its tables and charts. Imports the other wings; nothing imports it."""
