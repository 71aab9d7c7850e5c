import type { z } from 'zod';
import { extensibleEnum } from './extensible-enum.js';

/** OB 3.0 AchievementType enumeration (common_credentials.lines), in the spec's order. */
export const ACHIEVEMENT_TYPES = [
  'Achievement',
  'ApprenticeshipCertificate',
  'Assessment',
  'Assignment',
  'AssociateDegree',
  'Award',
  'Badge',
  'BachelorDegree',
  'Certificate',
  'CertificateOfCompletion',
  'Certification',
  'CommunityService',
  'Competency',
  'Course',
  'CoCurricular',
  'Degree',
  'Diploma',
  'DoctoralDegree',
  'Fieldwork',
  'GeneralEducationDevelopment',
  'JourneymanCertificate',
  'LearningProgram',
  'License',
  'Membership',
  'ProfessionalDoctorate',
  'QualityAssuranceCredential',
  'MasterCertificate',
  'MasterDegree',
  'MicroCredential',
  'ResearchDoctorate',
  'SecondarySchoolDiploma',
] as const;

/** `Achievement.achievementType`: a spec value or an `ext:` extension. */
export const AchievementTypeSchema = extensibleEnum(ACHIEVEMENT_TYPES);
export type AchievementType = z.output<typeof AchievementTypeSchema>;
