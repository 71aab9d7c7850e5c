/** How far an earner is on one version: the two numbers the versioning rule compares. */
export interface VersionStanding {
  readonly version: number;
  readonly met: boolean;
  readonly percent: number;
}

/**
 * The versioning rule. Earners keep the version they started on, unless the current version is no
 * stricter for them: judged on what they hold now, it puts them at least as far along (the same percent
 * or more, and met if their version is met). Then they move to it, for good. So an edit never takes an
 * earner backwards, and an earner is never held to rules that are harder than the ones they began with;
 * an edit that is easier for them (fewer requirements, a lower n) applies at once.
 * An earner who has not started takes the current version. Pure.
 */
export function chooseEarnerVersion(options: {
  readonly started: VersionStanding | null;
  readonly current: VersionStanding;
}): number {
  const { started, current } = options;
  if (started === null || started.version === current.version) return current.version;
  const noStricter = current.percent >= started.percent && (current.met || !started.met);
  return noStricter ? current.version : started.version;
}
