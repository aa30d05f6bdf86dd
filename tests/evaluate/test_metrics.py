"""Counting what a regulator asks: recall, precision and false alerts, per threshold and group."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tamis.evaluate import EvaluationError, LabelledRow, evaluate


def rows() -> list[LabelledRow]:
    return [
        LabelledRow("Vladimir Putin", ("ofac-sdn:35096",), schema="Person", line=2),
        LabelledRow("Dmitri Peskov", ("ofac-sdn:35105",), schema="Person", line=3),
        LabelledRow("National Bank of Cuba", ("ofac-sdn:306",), schema="Organization", line=4),
        LabelledRow("صدام حسين التكريتي", ("un-sc:IQi.001",), schema="Person", line=5),
        LabelledRow("Dmitri Pesko", (), schema="Person", line=6),  # not listed, close to PESKOV
        LabelledRow("Hank Aaron", (), schema="Person", line=7),
    ]


def test_a_listed_name_found_above_the_threshold_counts_as_recalled(screen):
    report = evaluate(rows()[:1], screen, thresholds=[0.5, 0.9], default=0.5)
    low, high = report.metrics()
    assert (low.recall, low.recall_top1, low.precision) == (1.0, 1.0, 1.0)
    assert high.recall == 0.0 and high.alerts == 0 and high.precision is None


def test_recall_never_rises_with_the_threshold(screen):
    report = evaluate(rows(), screen, thresholds=[0.3, 0.5, 0.7, 0.9])
    recalls = [m.recall for m in report.metrics()]
    assert recalls == sorted(recalls, reverse=True)


def test_any_alert_on_a_name_on_no_list_is_a_false_alert(screen):
    report = evaluate(rows(), screen, thresholds=[0.5], default=0.5)
    m = report.at()
    assert m.negatives == 2
    assert m.negatives_alerted == 1
    assert m.false_alert_rate == 0.5
    assert m.false_alerts == m.alerts - m.true_alerts
    assert [o.row.line for o, _, _ in report.false_alerts()] == [6]


def test_recall_at_1_ignores_the_threshold(screen):
    report = evaluate(rows()[:4], screen, thresholds=[0.99])
    assert report.recall_at_1() == 0.75  # the Arabic name is not found by token-sort
    assert report.at().recall_top1 == 0.0
    assert [o.row.line for o in report.misses()] == [2, 3, 4, 5]


def test_breakdowns_by_list_schema_and_script(screen):
    report = evaluate(rows(), screen, thresholds=[0.5])
    assert set(report.groups("list")) == {"ofac-sdn", "un-sc", "(not listed)"}
    assert set(report.groups("schema")) == {"Person", "Organization"}
    by_script = report.groups("script")
    assert len(by_script["Arabic"]) == 1
    assert report.recall_at_1(by_script["Arabic"]) == 0.0


def test_match_objects_with_id_and_score_are_accepted():
    @dataclass
    class Match:
        id: str
        score: float

    def screen(query):
        return [Match("x:2", 0.4), Match("x:1", 0.8)]

    report = evaluate([LabelledRow("A", ("x:1",))], screen, thresholds=[0.5])
    assert report.outcomes[0].top == ("x:1", 0.8)
    assert report.outcomes[0].expected_rank == 1


def test_latency_is_measured_per_query(screen):
    report = evaluate(rows(), screen, thresholds=[0.5])
    lat = report.latency_ms()
    assert 0 < lat["p50"] <= lat["p95"] <= lat["max"]
    assert report.latency_ms(cpu=True)["max"] >= 0


def test_a_failing_screen_names_the_row():
    def broken(query):
        raise ValueError("no index")

    with pytest.raises(EvaluationError, match=r"line 2: screening 'Vladimir Putin' failed"):
        evaluate(rows()[:1], broken)


def test_thresholds_must_be_scores():
    with pytest.raises(EvaluationError, match="thresholds must be in"):
        evaluate(rows(), lambda q: [], thresholds=[0.5, 90])


def test_summary_is_json_ready(screen):
    import json

    data = json.loads(json.dumps(evaluate(rows(), screen, thresholds=[0.5]).to_dict()))
    assert data["queries"] == 6
    assert data["groups"]["list"]["(not listed)"]["false_alert_rate"] == 0.5
