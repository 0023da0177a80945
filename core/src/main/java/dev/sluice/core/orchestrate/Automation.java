package dev.sluice.core.orchestrate;

import dev.sluice.core.project.ProjectProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything a project automates, and what is wrong with how it says so. */
public record Automation(
    List<Schedule> schedules,
    List<Sensor> sensors,
    List<FreshnessRule> freshness,
    List<Alert> alerts,
    List<ProjectProblem> problems) {

  public static final Automation NONE =
      new Automation(List.of(), List.of(), List.of(), List.of(), List.of());

  public Automation {
    schedules = List.copyOf(schedules);
    sensors = List.copyOf(sensors);
    freshness = List.copyOf(freshness);
    alerts = List.copyOf(alerts);
    problems = List.copyOf(problems);
  }

  /** Schedules then sensors, in file order. */
  public List<Automated> automated() {
    List<Automated> all = new ArrayList<>(schedules);
    all.addAll(sensors);
    return all;
  }

  public Optional<Automated> find(String name) {
    return automated().stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(ProjectProblem::isError);
  }

  public boolean isEmpty() {
    return schedules.isEmpty() && sensors.isEmpty() && freshness.isEmpty();
  }
}
