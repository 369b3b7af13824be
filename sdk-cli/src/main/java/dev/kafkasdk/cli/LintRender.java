package dev.kafkasdk.cli;

import dev.kafkasdk.admin.LintReport;
import dev.kafkasdk.admin.Severity;
import dev.kafkasdk.core.internal.Plurals;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Prints lint reports. */
final class LintRender {

    private LintRender() {}

    static void table(PrintWriter out, LintReport report) {
        report.findings().forEach(f -> {
            out.printf("%-5s %s %s%n", f.severity(), f.ruleId(), f.subject());
            out.println("      " + f.message());
            out.println("      fix: " + f.fix());
        });
        out.printf(
                "lint (%s): %s, %s, %s, %d info%n",
                report.mode().name().toLowerCase(Locale.ROOT),
                Plurals.count(report.rulesRun().size(), "rule"),
                Plurals.count(report.count(Severity.ERROR), "error"),
                Plurals.count(report.count(Severity.WARN), "warning"),
                report.count(Severity.INFO));
        out.flush();
    }

    static Map<String, Object> json(LintReport report) {
        return Json.obj(
                "mode",
                report.mode(),
                "rules",
                report.rulesRun(),
                "errors",
                report.count(Severity.ERROR),
                "warnings",
                report.count(Severity.WARN),
                "info",
                report.count(Severity.INFO),
                "findings",
                report.findings().stream()
                        .map(f -> Json.obj(
                                "id",
                                f.ruleId(),
                                "severity",
                                f.severity(),
                                "subject",
                                f.subject(),
                                "message",
                                f.message(),
                                "fix",
                                f.fix()))
                        .toList());
    }
}
