"""After the plan is signed: who does what by when, and what they reported.

`agencies` (one name per agency, whatever abbreviation a line uses), `tasks` (the plan's tasks
as assignments: the one adapter over the task model), `workbook` (the assignment workbook),
`calendar` (.ics), `readback` (filled workbooks back), `progress` (the figures), `report` (the
BÁO CÁO document's content), `charts` (progress and timeline pictures).

May import `plangen.spec`, `plangen.render`, `plangen.check` and the shared modules.
"""
