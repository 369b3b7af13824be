package dev.kafkasdk.cli;

import dev.kafkasdk.admin.LintReport;
import dev.kafkasdk.admin.Severity;
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
                "lint (%s): %d rules, %d error(s), %d warning(s), %d info%n",
                report.mode().name().toLowerCase(Locale.ROOT),
                report.rulesRun().size(),
                report.count(Severity.ERROR),
                report.count(Severity.WARN),
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
