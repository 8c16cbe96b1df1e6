package io.github.influxreset.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReportTextTest {
    @Test
    void headingsStandAloneTablesAlignAndMarksGo() {
        String markdown = String.join("\n",
                "# InfluxDB Reset Wizard: run r1",
                "",
                "| | |",
                "|---|---|",
                "| Profile | homeiq |",
                "| Outcome | **succeeded** |",
                "",
                "## Actions",
                "",
                "| # | Step | Action |",
                "|---|---|---|",
                "| 1 | Backup | Write a set to `/b` |",
                "| 12 | Reset | Stop service a\\|b |",
                "");

        assertEquals(String.join("\n",
                "InfluxDB Reset Wizard: run r1",
                "=============================",
                "",
                "Profile  homeiq",
                "Outcome  succeeded",
                "",
                "Actions",
                "-------",
                "",
                "#   Step    Action",
                "1   Backup  Write a set to /b",
                "12  Reset   Stop service a|b",
                ""), ReportText.readable(markdown));
    }
}
