/** The earner's skills wallet (spread into en.ts and fr.ts). */
export const earnerSkillsEn = {
  'skills.title': 'Your skills',
  'skills.lead':
    'Every skill your verified credentials prove, with the credentials that prove it. Revoked, suspended and expired credentials, and imports that did not verify, do not count.',
  'skills.link': 'Your skills, with the credentials that prove them',
  'skills.none': 'None yet: accept a credential whose achievement names skills, and they appear here.',
  'skills.export': 'Download',
  'skills.exportJson': 'as JSON',
  'skills.exportCsv': 'as CSV',
  'skills.provenBy': 'Proven by {count, plural, one {# credential} other {# credentials}}',
  'skills.evidence': '“{achievement}” from {issuer}, {date}',
  'skills.level': 'level {level}',
  'skills.vetted': 'issuer verified by this platform',
  'skills.imported': 'imported',
  'skills.framework': 'In ESCO',
};

export const earnerSkillsFr: Readonly<Record<keyof typeof earnerSkillsEn, string>> = {
  'skills.title': 'Vos compétences',
  'skills.lead':
    'Chaque compétence que prouvent vos certifications vérifiées, avec les certifications qui la prouvent. Les certifications révoquées, suspendues ou expirées, et les importations non vérifiées, ne comptent pas.',
  'skills.link': 'Vos compétences, avec les certifications qui les prouvent',
  'skills.none':
    'Aucune pour l’instant : acceptez une certification dont la réalisation nomme des compétences, et elles apparaîtront ici.',
  'skills.export': 'Télécharger',
  'skills.exportJson': 'en JSON',
  'skills.exportCsv': 'en CSV',
  'skills.provenBy': 'Prouvée par {count, plural, one {# certification} other {# certifications}}',
  'skills.evidence': '« {achievement} » de {issuer}, {date}',
  'skills.level': 'niveau {level}',
  'skills.vetted': 'émetteur vérifié par cette plateforme',
  'skills.imported': 'importée',
  'skills.framework': 'Dans ESCO',
};
