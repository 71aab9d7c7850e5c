import type { Alignment, AlignmentTargetType } from '../model/index.js';

export interface AlignmentInput {
  readonly targetName: string;
  readonly targetUrl: string;
  readonly targetCode?: string;
  readonly targetDescription?: string;
  readonly targetFramework?: string;
  readonly targetType?: AlignmentTargetType;
}

/** An OB 3.0 Alignment with `type: ['Alignment']`. */
export function buildAlignment(input: AlignmentInput): Alignment {
  return {
    type: ['Alignment'],
    targetName: input.targetName,
    targetUrl: input.targetUrl,
    targetCode: input.targetCode,
    targetDescription: input.targetDescription,
    targetFramework: input.targetFramework,
    targetType: input.targetType,
  };
}
