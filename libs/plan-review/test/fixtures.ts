import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackPlan } from '../src/guard/guard';
import { parsePlan } from '../src/plan/parse';
import type { TerraformPlan } from '@xyz/terraform-schema';

export const FIXTURES = join(__dirname, 'fixtures');

/** A fixture plan file: `fixtures/<case...>/<stack>/plan.json`. */
export function fixturePath(...path: string[]): string {
  return join(FIXTURES, ...path, 'plan.json');
}

export function loadFixture(...path: string[]): StackPlan {
  const file = fixturePath(...path);
  return { stack: path[path.length - 1], plan: parsePlan(JSON.parse(readFileSync(file, 'utf8')), file) };
}

/** The mini platform (one resource of every stateful type): real plans of it created, replaced, renamed and promoted, or deleted. */
export function mini(scenario: 'create' | 'replace-all' | 'rename-and-promote' | 'delete-all'): StackPlan {
  return loadFixture('mini', scenario, 'mini-platform');
}

export function withChanges(plan: TerraformPlan, resourceChanges: TerraformPlan['resource_changes']): TerraformPlan {
  return { ...plan, resource_changes: resourceChanges };
}
