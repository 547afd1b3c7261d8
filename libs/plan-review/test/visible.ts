/** The part of a review comment a reviewer sees without unfolding anything: every <details> block cut out. */
export function visiblePart(markdown: string): string {
  return markdown.replace(/<details>[\s\S]*?<\/details>/g, '');
}

/** A finding as the case tables write it: `<action> <type>[ <rule>]`. */
export function signature(finding: { readonly action: string; readonly type: string; readonly rule?: string }): string {
  return [finding.action, finding.type, finding.rule].filter(Boolean).join(' ');
}
