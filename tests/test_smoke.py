"""The shipped data validates, and the command line answers in Dutch."""

from __future__ import annotations

from conftest import SHIPPED_DATA


def test_shipped_data_is_valid(run_cli):
    result = run_cli("valideer", "--data", SHIPPED_DATA)
    assert result.exit_code == 0, result.stdout
    assert "0 fouten" in result.stdout


def test_help_is_dutch(run_cli):
    result = run_cli("--help")
    assert result.exit_code == 0
    assert "Gebruik: partnerbeeld" in result.stdout
    assert "Opdrachten:" in result.stdout
    assert "Usage" not in result.stdout and "Show this message" not in result.stdout


def test_unknown_option_is_a_dutch_usage_error(run_cli):
    result = run_cli("valideer", "--data", SHIPPED_DATA, "--fromaat", "json")
    assert result.exit_code == 2
    assert "Onbekende optie: --fromaat" in result.stderr
    assert "--formaat" in result.stderr


def test_a_skipped_file_makes_the_answer_visibly_incomplete(run_cli, builder):
    builder.profile("water", roles={"drinkwater": {"modes": ["alarmeren"]}})
    builder.partner("dunea", name="Dunea", profiles=["water"])
    builder.partner("oasen", name="Oasen", profiles=["water"])
    builder.write("partners/oasen.yaml", "id: oasen\nid: oasen\nname: Oasen\n")  # duplicate key
    for command in (["zoek", "-i", "drinkwater"], ["contactlijst", "-i", "drinkwater", "-f", "md"]):
        result = run_cli(*command, "--data", builder.root)
        assert "Dunea" in result.stdout and "Oasen" not in result.stdout  # the answer still comes
        assert result.exit_code == 1, command
        assert "onvolledig" in result.stderr and "partners/oasen.yaml" in result.stderr
    builder.partner("oasen", name="Oasen", profiles=["water"])
    assert run_cli("zoek", "-i", "drinkwater", "--data", builder.root).exit_code == 0


def test_a_broken_reference_makes_the_answer_visibly_incomplete(run_cli, builder):
    # a typo in a profile id used to drop the partner from `zoek` without a word, exit 0
    builder.profile("water", roles={"drinkwater": {"modes": ["alarmeren"]}})
    builder.partner("dunea", name="Dunea", profiles=["water"])
    builder.partner("oasen", name="Oasen", profiles=["watr"])
    builder.partner("hwl", name="HWL", roles={"drinkwatr": {"modes": ["advies"]}})
    result = run_cli("zoek", "-i", "drinkwater", "--data", builder.root)
    assert "Dunea" in result.stdout
    assert result.exit_code == 1
    assert "onvolledig" in result.stderr
    assert "partners/oasen.yaml" in result.stderr and "partners/hwl.yaml" in result.stderr
    builder.partner("oasen", name="Oasen", profiles=["water"])
    builder.partner("hwl", name="HWL", roles={"drinkwater": {"modes": ["advies"]}})
    result = run_cli("zoek", "-i", "drinkwater", "--data", builder.root)
    assert result.exit_code == 0 and "Oasen" in result.stdout and "HWL" in result.stdout


def test_a_reader_that_leaves_early_is_not_an_error():
    # `partnerbeeld zoek ... | head -1`: typer 0.28 turned the closed pipe into exit 1
    import subprocess
    import sys

    command = [sys.executable, "-m", "partnerbeeld", "contactlijst", "-f", "json", "--data", str(SHIPPED_DATA)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # before the child writes: its first write meets a closed pipe
    error = child.stderr.read().decode()
    assert child.wait(timeout=60) == 0, error
    assert "Traceback" not in error and "Exception" not in error


def test_ctrl_c_says_it_stopped_and_exits_130(run_cli, monkeypatch):
    from partnerbeeld.answers import query

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(query, "answer", interrupted)
    result = run_cli("zoek", "-i", "brand", "--data", SHIPPED_DATA)
    assert result.exit_code == 130
    assert "Afgebroken." in result.stderr and "Traceback" not in result.stderr


def test_valideer_points_at_a_confidential_value_without_repeating_it(run_cli, builder):
    # valideer's output lands in CI logs and pull-request annotations
    builder.partner(
        contacts=[
            {"label": "Piket", "phone": "071 000 00 00", "available": "24/7", "primary": True},
            {"label": "Direct", "mobile": "06 999", "email": "geheim@@x", "confidential": True},
        ]
    )
    for formaat in ("tekst", "json", "github", "gitlab"):
        result = run_cli("valideer", "--data", builder.root, "--formaat", formaat)
        assert result.exit_code == 1
        assert "06 999" not in result.stdout and "geheim" not in result.stdout, formaat
        assert "vertrouwelijke nummer" in result.stdout and "vertrouwelijke e-mailadres" in result.stdout


def test_a_confidential_primary_number_is_not_the_number_to_call(run_cli, builder):
    builder.profile("water", roles={"drinkwater": {"modes": ["alarmeren"]}})
    secret = [{"label": "Piket", "phone": "071 000 00 00", "available": "24/7", "primary": True, "confidential": True}]
    builder.partner(profiles=["water"], contacts=secret)
    result = run_cli("valideer", "--data", builder.root)
    assert "[primair-contact-ontbreekt]" in result.stdout
    assert "geen primair 24/7-nummer dat niet vertrouwelijk is" in result.stdout
    assert "partner-zonder-24-7-nummer" in run_cli("signalen", "--data", builder.root, "-f", "json").stdout


def test_markdown_outputs_keep_a_hostile_name_as_text(run_cli, builder):
    # one escaper for every Markdown output: a name must never become HTML or break a table
    builder.profile("water", roles={"drinkwater": {"modes": ["alarmeren"]}})
    builder.partner(name="<script>alert(1)</script> | *x*", profiles=["water"], account_holder=None)
    for command in (["zoek", "-i", "drinkwater", "-f", "md"], ["signalen", "-f", "md"]):
        output = run_cli(*command, "--data", builder.root).stdout
        assert "&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*x\\*" in output, command
        assert "<script>" not in output, command


def test_a_list_made_from_broken_data_says_so_itself(run_cli, builder, tmp_path):
    # the binder is read far from the terminal that printed the warning
    builder.profile("water", roles={"drinkwater": {"modes": ["alarmeren"]}})
    builder.partner("dunea", name="Dunea", profiles=["water"])
    builder.write("partners/oasen.yaml", "id: oasen\nid: oasen\nname: Oasen\n")
    for formaat in ("md", "html", "csv-excel", "vcf", "json", "csv"):
        out = tmp_path / f"lijst-{formaat}"
        result = run_cli("contactlijst", "-i", "drinkwater", "-f", formaat, "-o", out, "--data", builder.root)
        assert result.exit_code == 1, formaat  # always, also for the table-only CSV for programs
        written = out.read_text(encoding="utf-8")
        assert "Dunea" in written
        if formaat == "json":
            assert '"onvolledig": [\n    "partners/oasen.yaml"' in written
        elif formaat != "csv":  # the CSV for programs is only the table (README)
            assert "ONVOLLEDIG" in written and "partners/oasen.yaml" in written, formaat
    answer = run_cli("zoek", "-i", "drinkwater", "-f", "json", "--data", builder.root)
    assert '"onvolledig": [\n    "partners/oasen.yaml"\n  ]' in answer.stdout


def test_toon_of_a_partner_whose_file_is_broken_says_so(run_cli, builder):
    builder.partner("dunea", name="Dunea")
    builder.write("partners/oasen.yaml", "id: oasen\nname: [\n")
    result = run_cli("toon", "oasen", "--data", builder.root)
    assert result.exit_code == 1  # the data is wrong, not the question
    assert "partners/oasen.yaml bevat fouten" in result.stderr
    assert f"partnerbeeld valideer --data {builder.root}" in result.stderr  # runs as written
    assert "Onbekende partner" not in result.stderr


def test_commands_run_one_after_another_in_one_process_stay_apart(run_cli, builder):
    """``main`` builds each command once per process (cli._command) and reuses it: an option
    given to one call must not carry over to the next, least of all --vertrouwelijk."""
    from partnerbeeld import cli

    reused = cli._command.cache_info().hits
    secret = "06 99 88 77 66"
    builder.profile("water", roles={"drinkwater": {"modes": ["alarmeren"]}})
    builder.partner(
        "dunea",
        name="Dunea",
        profiles=["water"],
        contacts=[
            {"label": "Piket", "phone": "071 000 00 00", "available": "24/7"},
            {"label": "Directeur", "mobile": secret, "confidential": True},
        ],
    )
    for command in (["zoek", "-i", "drinkwater"], ["toon", "dunea"], ["contactlijst", "-i", "drinkwater", "-f", "md"]):
        asked = run_cli(*command, "--vertrouwelijk", "--data", builder.root)
        plain = run_cli(*command, "--data", builder.root)
        assert asked.exit_code == plain.exit_code == 0, (command, plain.stderr)
        assert "VERTROUWELIJK" in asked.stdout and "VERTROUWELIJK" not in plain.stdout, command
        assert secret not in plain.stdout, command
        assert secret in asked.stdout or command[0] == "zoek", command  # zoek shows whom to call first
    assert cli._command.cache_info().hits >= reused + 5  # the reuse this test is about did happen
