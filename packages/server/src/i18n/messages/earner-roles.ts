/** The earner's own skill gap for a role (spread into en.ts and fr.ts). */
export const earnerRolesEn = {
  'roles.title': 'Your skills for a role',
  'roles.lead':
    'Choose an occupation to see which of its skills your verified credentials prove, which are missing, and the micro-credentials and pathways on this platform that would close the gap.',
  'roles.link': 'Compare your skills with a role',
  'roles.search': 'Search occupations',
  'roles.q': 'Occupation',
  'roles.submit': 'Search',
  'roles.results': 'Occupations',
  'roles.noResults': 'No occupation matches “{q}”.',
  'roles.tooLong': 'Search with at most {max} characters.',
  'role.summary': 'To become a {occupation}, you have {have} of {total} essential skills.',
  'role.back': 'Search another role',
  'role.have': 'Skills you have',
  'role.haveNone': 'Your verified credentials prove none of its skills yet.',
  'role.provenBy': 'proven by',
  'role.missingEssential': 'Missing essential skills',
  'role.missingOptional': 'Missing optional skills',
  'role.allEssential': 'You have every essential skill of this role.',
  'role.close': 'What would close the gap',
  'role.closing':
    'These {count} micro-credentials close {closes, plural, one {# more essential skill} other {# more essential skills}}.',
  'role.closingOne':
    'This micro-credential closes {closes, plural, one {# more essential skill} other {# more essential skills}}.',
  'role.covers': 'covers {count, plural, one {# missing skill} other {# missing skills}}',
  'role.noHours': 'hours not given',
  'role.otherAchievements': 'Other micro-credentials covering missing skills',
  'role.achievements': 'Micro-credentials covering missing skills',
  'role.pathways': 'Pathways covering missing skills',
  'role.noRecommendations': 'No published micro-credential on this platform covers the missing skills yet.',
};

export const earnerRolesFr: Readonly<Record<keyof typeof earnerRolesEn, string>> = {
  'roles.title': 'Vos compétences pour un métier',
  'roles.lead':
    'Choisissez un métier pour voir lesquelles de ses compétences vos certifications vérifiées prouvent, lesquelles manquent, et les micro-certifications et parcours de cette plateforme qui combleraient l’écart.',
  'roles.link': 'Comparer vos compétences à un métier',
  'roles.search': 'Rechercher un métier',
  'roles.q': 'Métier',
  'roles.submit': 'Rechercher',
  'roles.results': 'Métiers',
  'roles.noResults': 'Aucun métier ne correspond à « {q} ».',
  'roles.tooLong': 'Recherchez avec au plus {max} caractères.',
  'role.summary': 'Pour devenir {occupation}, vous avez {have} des {total} compétences essentielles.',
  'role.back': 'Rechercher un autre métier',
  'role.have': 'Compétences que vous avez',
  'role.haveNone': 'Vos certifications vérifiées ne prouvent encore aucune de ses compétences.',
  'role.provenBy': 'prouvée par',
  'role.missingEssential': 'Compétences essentielles manquantes',
  'role.missingOptional': 'Compétences facultatives manquantes',
  'role.allEssential': 'Vous avez toutes les compétences essentielles de ce métier.',
  'role.close': 'Ce qui comblerait l’écart',
  'role.closing':
    'Ces {count} micro-certifications comblent {closes, plural, one {# compétence essentielle} other {# compétences essentielles}} de plus.',
  'role.closingOne':
    'Cette micro-certification comble {closes, plural, one {# compétence essentielle} other {# compétences essentielles}} de plus.',
  'role.covers': 'couvre {count, plural, one {# compétence manquante} other {# compétences manquantes}}',
  'role.noHours': 'durée non indiquée',
  'role.otherAchievements': 'Autres micro-certifications couvrant des compétences manquantes',
  'role.achievements': 'Micro-certifications couvrant des compétences manquantes',
  'role.pathways': 'Parcours couvrant des compétences manquantes',
  'role.noRecommendations':
    'Aucune micro-certification publiée sur cette plateforme ne couvre encore les compétences manquantes.',
};
