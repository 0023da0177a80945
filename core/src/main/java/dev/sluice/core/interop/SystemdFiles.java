package dev.sluice.core.interop;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * systemd units: a timer that runs {@code sluice serve --once} every minute through a oneshot
 * service, and, as the alternative, a long-running {@code sluice serve} service.
 */
final class SystemdFiles {
  private SystemdFiles() {}

  static Map<String, String> files(String project, OrchestratorExport.Where where) {
    String unit = "sluice-" + project.replaceAll("[^A-Za-z0-9_-]", "-");
    String dir = where.projectDir();
    // systemd wants an absolute program; env finds a bare name on the PATH
    String sluice =
        where.sluice().startsWith("/") ? where.sluice() : "/usr/bin/env " + where.sluice();
    Map<String, String> out = new LinkedHashMap<>();
    out.put(
        unit + ".service",
        "[Unit]\n"
            + "Description=Sluice project "
            + project
            + ": evaluate schedules, sensors and freshness once\n"
            + "After=network-online.target\n\n"
            + "[Service]\n"
            + "Type=oneshot\n"
            + "WorkingDirectory="
            + dir
            + "\n"
            + "ExecStart="
            + sluice
            + " serve --once --project "
            + dir
            + "\n"
            + "# a run in progress is cancelled cleanly on stop and resumed by the next start\n"
            + "KillSignal=SIGTERM\n"
            + "TimeoutStopSec=60\n");
    out.put(
        unit + ".timer",
        "[Unit]\n"
            + "Description=Sluice project "
            + project
            + ": every minute\n\n"
            + "[Timer]\n"
            + "OnCalendar=*-*-* *:*:00\n"
            + "Persistent=true\n"
            + "AccuracySec=1s\n\n"
            + "[Install]\n"
            + "WantedBy=timers.target\n");
    out.put(
        unit + "-serve.service",
        "[Unit]\n"
            + "Description=Sluice project "
            + project
            + ": sluice serve (instead of the timer)\n"
            + "After=network-online.target\n\n"
            + "[Service]\n"
            + "Type=simple\n"
            + "WorkingDirectory="
            + dir
            + "\n"
            + "ExecStart="
            + sluice
            + " serve --project "
            + dir
            + "\n"
            + "KillSignal=SIGTERM\n"
            + "TimeoutStopSec=60\n"
            + "Restart=on-failure\n"
            + "RestartSec=10\n\n"
            + "[Install]\n"
            + "WantedBy=multi-user.target\n");
    return out;
  }
}
