/** A question id the server accepts (`[a-z0-9-]{1,40}`) and no other question of the set uses. */
export function newQuestionId(taken: readonly string[]): string {
  const used = new Set(taken);
  for (let n = used.size + 1; n < used.size + 1_000; n += 1) {
    const id = `q-${n}`;
    if (!used.has(id)) return id;
  }
  return `q-${Date.now().toString(36)}`;
}

/** The newest version of each meeting type's template. */
export function latestVersions<T extends { meetingType: string; version: number }>(templates: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const template of templates) {
    const seen = latest.get(template.meetingType);
    if (!seen || template.version > seen.version) latest.set(template.meetingType, template);
  }
  return latest;
}
