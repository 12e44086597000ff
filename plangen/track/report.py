"""The content of a BÁO CÁO on a plan: "Kết quả thực hiện Kế hoạch số …".

From the plan, the agencies' answers and the figures on the report's date: the opening
paragraph, I. the results (a summary table per agency and the progress chart, then each
task's reported results), II. the overdue tasks, III. difficulties and proposals grouped by
task, the closing line. The header and signature are the plan's issuer's unless others are
given. The document itself is laid out by `plangen.render.report`.
"""

from __future__ import annotations

import datetime

from plangen.model import Issuer, PlanDate, Signature, default_header_lines
from plangen.render.report import Block, ReportDocument
from plangen.track.charts import progress_chart
from plangen.track.options import ReportOptions
from plangen.track.progress import NOT_REPORTED, Progress, TaskState, role_name
from plangen.track.readback import Answer
from plangen.track.tasks import Assignments, plan_reference
from plangen.track.workbook import DONE
from plangen.vntext import ensure_end, roman

SUMMARY_HEADINGS = ("STT", "Cơ quan, đơn vị", "Số nhiệm vụ", "Đã hoàn thành", "Đúng hạn",
                    "Trễ hạn", "Đang thực hiện", "Chưa thực hiện", "Chưa báo cáo", "Quá hạn")
OVERDUE_HEADINGS = ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tình trạng")


def _dmy(day: datetime.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def report_symbol(symbol: str) -> str:
    """ "KH-UBND" -> "BC-UBND": a report's symbol names its kind, then its issuer."""
    head, _, rest = symbol.partition("-")
    return f"BC-{rest}" if head in ("KH", "QĐ") and rest else "BC-UBND" if not rest else (
        f"BC-{rest}")


def _sentence(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def report_document(work: Assignments, answers: list[Answer], figures: Progress,
                    options: ReportOptions | None = None) -> ReportDocument:
    """The BÁO CÁO of `answers` on `figures.as_of`."""
    plan = work.plan
    options = options or ReportOptions()
    issuer = plan.issuer if options.issuer is None else Issuer(
        options.issuer, default_header_lines(options.issuer))
    signature = plan.signature
    if options.signature_lines or options.signer:
        signature = Signature(options.signature_lines or plan.signature.lines,
                              options.signer or plan.signature.name)
    reference = plan_reference(plan)
    as_of = figures.as_of
    body = [Block("text", f"Thực hiện {reference} về {_sentence(plan.summary)}, "
                          f"{issuer.name} báo cáo kết quả thực hiện đến ngày {_dmy(as_of)} "
                          "như sau:")]
    body += _results(work, answers, figures)
    body += _overdue(figures)
    body += _difficulties(work, answers)
    body.append(Block("closing", f"Trên đây là báo cáo kết quả thực hiện {reference} đến ngày "
                                 f"{_dmy(as_of)}./."))
    recipients = options.recipients or ("Các cơ quan, đơn vị được giao nhiệm vụ tại Kế hoạch",
                                        "Lưu: VT")
    return ReportDocument(
        issuer=issuer, number=options.number, symbol=report_symbol(plan.symbol),
        place=plan.place, date=PlanDate(as_of.year, as_of.month, as_of.day),
        summary=f"Kết quả thực hiện {reference} về {_sentence(plan.summary)}",
        body=tuple(body), recipients=recipients, signature=signature)


def _results(work: Assignments, answers: list[Answer], figures: Progress) -> list[Block]:
    done = sum(1 for state in figures.tasks if state.status == DONE)
    reported = sum(1 for state in figures.tasks if state.status != NOT_REPORTED)
    blocks = [Block("heading", f"{roman(1)}. KẾT QUẢ THỰC HIỆN"),
              Block("item_title", "1. Kết quả chung"),
              Block("text", f"Kế hoạch giao {len(work.tasks)} nhiệm vụ cho "
                            f"{len(work.agencies)} cơ quan, đơn vị. Đến ngày "
                            f"{_dmy(figures.as_of)}, cơ quan chủ trì đã báo cáo {reported} "
                            f"nhiệm vụ, trong đó {done} nhiệm vụ đã hoàn thành; "
                            f"{len(figures.overdue)} nhiệm vụ quá hạn chưa hoàn thành. Kết quả "
                            "của từng cơ quan, đơn vị (mỗi cơ quan tính các nhiệm vụ được giao "
                            "chủ trì, phối hợp hoặc đôn đốc):")]
    rows: list[tuple[str, ...]] = [SUMMARY_HEADINGS]
    for index, row in enumerate((r for r in figures.agencies if r.tasks), 1):
        rows.append((str(index), row.agency.name, *(str(v) for v in (
            row.tasks, row.done, row.on_time, row.late, row.doing, row.not_started,
            row.not_reported, row.overdue))))
    blocks.append(Block("table", rows=tuple(rows), weights=(6, 24, 9, 10, 9, 8, 9, 9, 9, 8)))
    blocks.append(Block("image", image=progress_chart(figures), width_mm=160,
                        title="Biểu đồ tiến độ thực hiện theo cơ quan"))
    blocks.append(Block("item_title", "2. Kết quả thực hiện từng nhiệm vụ"))
    for state in figures.tasks:
        timeline = state.task.timeline
        when = f" (thời gian thực hiện: {ensure_end(timeline, '')})" if timeline else ""
        blocks.append(Block("text", f"{_task_name(state.task.number, state.task.title)}"
                                    f"{when}."))
        if not state.answers:
            blocks.append(Block("bullet", "- Chưa có cơ quan nào báo cáo."))
        for answer in state.answers:
            blocks.append(Block("bullet", _answer_line(state, answer)))
    return blocks


def _task_name(number: str, title: str) -> str:
    """ "Nhiệm vụ 2. Kiểm tra, giám sát …", without the title's own final mark (the sentence
    goes on after it)."""
    return f"Nhiệm vụ {number}. {ensure_end(title, '')}"


def _answer_line(state: TaskState, answer: Answer) -> str:
    when = f" ngày {_dmy(answer.done_on)}" if answer.done_on else ""
    result = f" Kết quả: {ensure_end(answer.result, '.')}" if answer.result else ""
    return (f"- {answer.agency.name} ({role_name(state.task, answer.agency)}): "
            f"{answer.status.lower()}{when}.{result}")


def _overdue(figures: Progress) -> list[Block]:
    blocks = [Block("heading", f"{roman(2)}. NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH (ĐẾN NGÀY "
                               f"{_dmy(figures.as_of)})")]
    late = figures.overdue
    if not late:
        return [*blocks, Block("text", "Không có nhiệm vụ quá hạn.")]
    rows: list[tuple[str, ...]] = [OVERDUE_HEADINGS]
    for index, state in enumerate(late, 1):
        rows.append((str(index), f"{state.task.number}. {state.task.title}",
                     "; ".join(agency.name for agency in state.task.leads()) or "—",
                     f"{state.task.timeline} ({_dmy(state.due)})" if state.due else
                     state.task.timeline, state.status))
    return [*blocks, Block("text", f"Có {len(late)} nhiệm vụ đã đến hạn nhưng chưa hoàn thành:"),
            Block("table", rows=tuple(rows), weights=(5, 40, 22, 18, 15))]


def _difficulties(work: Assignments, answers: list[Answer]) -> list[Block]:
    blocks = [Block("heading", f"{roman(3)}. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT")]
    titles = {task.number: task.title for task in work.tasks}
    numbers = [task.number for task in work.tasks]
    said = [answer for answer in answers if answer.difficulty or answer.proposal]
    if not said:
        return [*blocks, Block("text", "Các cơ quan, đơn vị không nêu khó khăn, vướng mắc hay "
                                       "kiến nghị.")]
    for number in numbers:
        mine = [answer for answer in said if answer.number == number]
        if not mine:
            continue
        blocks.append(Block("text", f"{_task_name(number, titles[number])}:"))
        for answer in mine:
            parts = []
            if answer.difficulty:
                parts.append(f"khó khăn, vướng mắc: {ensure_end(answer.difficulty, '')}")
            if answer.proposal:
                parts.append(f"kiến nghị, đề xuất: {ensure_end(answer.proposal, '')}")
            blocks.append(Block("bullet", f"- {answer.agency.name}: {'; '.join(parts)}."))
    return blocks
