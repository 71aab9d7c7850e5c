import { ZodError } from 'zod';
import { BADGE_SHAPES, type BadgeShape, designBadge } from '../../../domain/achievement/design-badge.js';
import type {
  AchievementInput,
  AchievementPatchInput,
} from '../../../domain/achievement/manage-achievements.js';
import { isServerError, ServerErrorCode } from '../../../domain/error/server-error.js';
import { encodeImageDataUri, hasPngSignature } from '../../../domain/image/image-data-uri.js';
import type { Achievement, DeliveryMode, ImageRef, Skill } from '../../../domain/ports/index.js';
import { formField } from '../../shared/web-context.js';

/** Rows of skills the form always offers beyond those already entered, so none needs a script to add. */
export const EMPTY_SKILL_ROWS = 5;

/** Uploaded badges above this are refused with a message (the page's request limit is 1 MB). */
export const MAX_BADGE_BYTES = 512 * 1024;

const ESCO_URL = /^https?:\/\/data\.europa\.eu\/esco\//;

export type ImageSource = 'keep' | 'upload' | 'design';

/** What the achievement form holds, as typed: re-rendered as it was after a preview or a refusal. */
export interface AchievementFormValues {
  readonly name: string;
  readonly description: string;
  readonly narrative: string;
  readonly criteriaUrl: string;
  readonly achievementType: string;
  readonly level: string;
  readonly hours: string;
  readonly credits: string;
  readonly deliveryMode: string;
  readonly language: string;
  readonly tags: string;
  readonly validityMonths: string;
  readonly industry: string;
  readonly renewalUrl: string;
  readonly suspendable: boolean;
  readonly status: 'draft' | 'published';
  readonly skills: readonly { readonly name: string; readonly url: string }[];
  /** The words last looked for in ESCO (the skill picker's search field). */
  readonly skillQuery: string;
  /** `keep`: the stored image (on create: the generated badge). */
  readonly imageSource: ImageSource;
  /** An upload read on an earlier submit of this form (a file input cannot be filled in again). */
  readonly pendingImage: string;
  readonly shape: BadgeShape;
  readonly background: string;
  readonly foreground: string;
  readonly initials: string;
}

/** A refusal tied to one input of the form (`field` is its id), or to none. */
export interface FieldError {
  readonly field: string | null;
  readonly message: string;
}

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .flatMap((word) => [...word].filter((char) => /[\p{L}\p{N}]/u.test(char)).slice(0, 1))
    .slice(0, 3)
    .join('')
    .toUpperCase();
}

export function blankValues(): AchievementFormValues {
  return {
    name: '',
    description: '',
    narrative: '',
    criteriaUrl: '',
    achievementType: 'MicroCredential',
    level: '',
    hours: '',
    credits: '',
    deliveryMode: '',
    language: '',
    tags: '',
    validityMonths: '',
    industry: '',
    renewalUrl: '',
    suspendable: false,
    status: 'draft',
    skills: [],
    skillQuery: '',
    imageSource: 'keep',
    pendingImage: '',
    shape: 'hexagon',
    background: '#1d4ed8',
    foreground: '#ffffff',
    initials: '',
  };
}

const text = (value: string | number | null): string => (value === null ? '' : String(value));

/** The form filled in with a stored achievement. */
export function valuesOf(achievement: Achievement): AchievementFormValues {
  const document = achievement.document as {
    description?: unknown;
    criteria?: { id?: unknown; narrative?: unknown };
  };
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    ...blankValues(),
    name: achievement.name,
    description: str(document.description),
    narrative: str(document.criteria?.narrative),
    criteriaUrl: str(document.criteria?.id),
    achievementType: achievement.achievementType,
    level: text(achievement.level),
    hours: text(achievement.hours),
    credits: text(achievement.credits),
    deliveryMode: text(achievement.deliveryMode),
    language: text(achievement.language),
    tags: achievement.tags.join(', '),
    validityMonths: text(achievement.validityMonths),
    industry: text(achievement.industry),
    renewalUrl: text(achievement.renewalUrl),
    suspendable: achievement.suspendable,
    status: achievement.status === 'draft' ? 'draft' : 'published',
    skills: achievement.skills.map((skill) => ({ name: skill.name, url: skill.url ?? '' })),
    initials: initialsOf(achievement.name),
  };
}

/** The posted form as typed; empty skill rows are dropped, so row i is the domain's `skills[i]`. */
export function readValues(form: Readonly<Record<string, unknown>>): AchievementFormValues {
  const field = (name: string) => formField(form, name);
  const skills: { name: string; url: string }[] = [];
  for (let row = 0; row < 200; row += 1) {
    const name = field(`skill-name-${row}`).trim();
    const url = field(`skill-url-${row}`).trim();
    if (name !== '' || url !== '') skills.push({ name, url });
  }
  const source = field('imageSource');
  const shape = field('shape');
  return {
    name: field('name'),
    description: field('description'),
    narrative: field('narrative'),
    criteriaUrl: field('criteriaUrl').trim(),
    achievementType: field('achievementType').trim(),
    level: field('level'),
    hours: field('hours').trim(),
    credits: field('credits').trim(),
    deliveryMode: field('deliveryMode'),
    language: field('language').trim(),
    tags: field('tags'),
    validityMonths: field('validityMonths').trim(),
    industry: field('industry'),
    renewalUrl: field('renewalUrl').trim(),
    suspendable: field('suspendable') === 'on',
    status: field('status') === 'published' ? 'published' : 'draft',
    skills,
    skillQuery: field('skillQuery'),
    imageSource: source === 'upload' || source === 'design' ? source : 'keep',
    pendingImage: field('pendingImage'),
    shape: BADGE_SHAPES.find((known) => known === shape) ?? 'hexagon',
    background: field('background'),
    foreground: field('foreground'),
    initials: field('initials').trim(),
  };
}

/** A number as typed (a decimal comma is fine); NaN for anything else, which the domain refuses by name. */
function numberOf(value: string): number | undefined {
  return value === '' ? undefined : Number(value.replace(',', '.'));
}

function skillsOf(values: AchievementFormValues, current: readonly Skill[]): Skill[] {
  return values.skills.map((row) => {
    // A row left as it was keeps what the form does not show (an ESCO code).
    const same = current.find((skill) => skill.name === row.name && (skill.url ?? '') === row.url);
    if (same !== undefined) return same;
    return {
      name: row.name,
      ...(row.url === '' ? {} : { url: row.url }),
      ...(ESCO_URL.test(row.url) ? { framework: 'ESCO' } : {}),
    };
  });
}

function fieldsOf(values: AchievementFormValues, current: readonly Skill[]) {
  return {
    name: values.name,
    description: values.description,
    criteria: {
      ...(values.narrative.trim() === '' ? {} : { narrative: values.narrative }),
      ...(values.criteriaUrl === '' ? {} : { url: values.criteriaUrl }),
    },
    achievementType: values.achievementType,
    skills: skillsOf(values, current),
    tags: values.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ''),
  };
}

/** What the create use case is given. */
export function creationOf(
  values: AchievementFormValues,
  issuerId: string,
  image: ImageRef | undefined,
): AchievementInput {
  const hours = numberOf(values.hours);
  const credits = numberOf(values.credits);
  const validityMonths = numberOf(values.validityMonths);
  return {
    issuerId,
    ...fieldsOf(values, []),
    ...(values.level.trim() === '' ? {} : { level: values.level }),
    ...(hours === undefined ? {} : { hours }),
    ...(credits === undefined ? {} : { credits }),
    ...(values.deliveryMode === '' ? {} : { deliveryMode: values.deliveryMode as DeliveryMode }),
    ...(values.language === '' ? {} : { language: values.language }),
    ...(validityMonths === undefined ? {} : { validityMonths }),
    ...(values.industry.trim() === '' ? {} : { industry: values.industry }),
    ...(values.renewalUrl === '' ? {} : { renewalUrl: values.renewalUrl }),
    suspendable: values.suspendable,
    status: values.status,
    ...(image === undefined ? {} : { image }),
  };
}

/** What the update use case is given: every field of the form, an emptied one cleared. */
export function patchOf(
  values: AchievementFormValues,
  current: Achievement,
  image: ImageRef | undefined,
): AchievementPatchInput {
  return {
    ...fieldsOf(values, current.skills),
    level: values.level.trim() === '' ? null : values.level,
    hours: numberOf(values.hours) ?? null,
    credits: numberOf(values.credits) ?? null,
    deliveryMode: values.deliveryMode === '' ? null : (values.deliveryMode as DeliveryMode),
    language: values.language === '' ? null : values.language,
    validityMonths: numberOf(values.validityMonths) ?? null,
    industry: values.industry.trim() === '' ? null : values.industry,
    renewalUrl: values.renewalUrl === '' ? null : values.renewalUrl,
    ...(image === undefined ? {} : { image }),
  };
}

export class BadgeInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason: 'missing' | 'tooLarge' | 'notAnImage' | 'badDesign',
  ) {
    super(reason);
  }
}

/** An uploaded file as a data URI, by what its bytes are (the domain then checks and sanitises it). */
export async function uploadedImage(file: File): Promise<string> {
  if (file.size > MAX_BADGE_BYTES) throw new BadgeInputError('achievement-image-file', 'tooLarge');
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (hasPngSignature(bytes)) return encodeImageDataUri('image/png', bytes);
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart();
  if (/^(?:<\?xml|<!--|<!DOCTYPE svg|<svg)/i.test(head)) return encodeImageDataUri('image/svg+xml', bytes);
  throw new BadgeInputError('achievement-image-file', 'notAnImage');
}

/** The posted file of a form field, if one was chosen. */
export function postedFile(form: Readonly<Record<string, unknown>>, name: string): File | undefined {
  const value = form[name];
  return value instanceof File && value.size > 0 ? value : undefined;
}

/**
 * The image the form asks for, as a data URI: the designed badge, a new upload, or the upload of an
 * earlier submit; undefined to keep what there is. Throws ZodError (a bad design) or BadgeInputError.
 */
export async function chosenImage(
  values: AchievementFormValues,
  file: File | undefined,
): Promise<string | undefined> {
  if (values.imageSource === 'design') {
    try {
      return encodeImageDataUri(
        'image/svg+xml',
        designBadge({
          shape: values.shape,
          background: values.background,
          foreground: values.foreground,
          initials: values.initials,
          title: values.name,
        }),
      );
    } catch (error) {
      if (error instanceof ZodError) {
        throw new BadgeInputError(`badge-${String(error.issues[0]?.path[0] ?? 'initials')}`, 'badDesign');
      }
      throw error;
    }
  }
  if (values.imageSource === 'upload') {
    if (file !== undefined) return uploadedImage(file);
    if (values.pendingImage.startsWith('data:image/')) return values.pendingImage;
    throw new BadgeInputError('achievement-image-file', 'missing');
  }
  return undefined;
}

const PATH_FIELDS: Readonly<Record<string, string>> = {
  name: 'achievement-name',
  description: 'achievement-description',
  criteria: 'achievement-narrative',
  'criteria.narrative': 'achievement-narrative',
  'criteria.url': 'achievement-criteria-url',
  achievementType: 'achievement-type',
  level: 'achievement-level',
  hours: 'achievement-hours',
  credits: 'achievement-credits',
  deliveryMode: 'achievement-delivery-mode',
  language: 'achievement-language',
  tags: 'achievement-tags',
  validityMonths: 'achievement-validity',
  industry: 'achievement-industry',
  renewalUrl: 'achievement-renewal-url',
  suspendable: 'achievement-suspendable',
  image: 'achievement-image-file',
  'image.id': 'achievement-image-file',
};

function fieldOfPath(path: readonly PropertyKey[]): string | null {
  const [first, index, leaf] = path.map(String);
  if (first === 'skills' && index !== undefined) return `skill-${leaf === 'url' ? 'url' : 'name'}-${index}`;
  return PATH_FIELDS[path.map(String).join('.')] ?? PATH_FIELDS[first ?? ''] ?? null;
}

/**
 * The input refusals of a use case, field by field; null when `error` is not one (a fault, or a role or
 * existence refusal, which the error page answers with its own status).
 */
export function fieldErrorsOf(error: unknown): FieldError[] | null {
  if (error instanceof ZodError) {
    return error.issues.map((issue) => ({ field: fieldOfPath(issue.path), message: issue.message }));
  }
  if (isServerError(error) && error.code === ServerErrorCode.VALIDATION_ERROR) {
    const details = error.details as
      | { errors?: readonly { path?: unknown; message?: unknown }[] }
      | undefined;
    const listed = (details?.errors ?? []).flatMap((item) =>
      typeof item.message === 'string'
        ? [
            {
              field: typeof item.path === 'string' ? fieldOfPath(item.path.split('.')) : null,
              message: item.message,
            },
          ]
        : [],
    );
    return listed.length > 0 ? listed : [{ field: null, message: error.message }];
  }
  if (isServerError(error) && error.code === ServerErrorCode.CONFLICT)
    return [{ field: null, message: error.message }];
  return null;
}
