/**
 * Issuers endorsing: the console's endorsements pages, issuer endorsements on credential and issuer pages
 * and the catalogue's endorsers, in English and French (spread into en.ts and fr.ts).
 */
export const issuerEndorsementsEn = {
  'endorsement.issuerBy': 'Issuer endorsed by {endorser}',
  'issuer.endorsements.lead':
    'Organisations that vouch for this issuer as a whole. Each endorsement is signed and can be checked.',
  'console.endorsements.nav': 'Endorsements',
  'console.endorsements.title': 'Endorsements',
  'console.endorsements.lead':
    'Vouch for another issuer or one of its published achievements: your issuer signs an endorsement that anyone can check, and the credentials issued from then on carry it.',
  'console.endorsements.readOnly':
    'Only owners and issuing staff can endorse or withdraw an endorsement; you can read them.',
  'console.endorsements.given': 'Endorsements you give',
  'console.endorsements.noneGiven': 'Your issuer endorses nothing yet.',
  'console.endorsements.received': 'Endorsements you receive',
  'console.endorsements.noneReceived': 'Nobody endorses your issuer or its achievements yet.',
  'console.endorsements.yourIssuer': 'Your issuer as a whole',
  'console.endorsements.column.subject': 'Endorsed',
  'console.endorsements.column.endorser': 'Endorser',
  'console.endorsements.kind.issuer': '(issuer)',
  'console.endorsements.kind.achievement': '(achievement)',
  'console.endorsements.search.heading': 'Find an issuer or an achievement to endorse',
  'console.endorsements.search.label': 'Name',
  'console.endorsements.search.issuers': 'Issuers',
  'console.endorsements.search.noIssuer': 'No other issuer matches.',
  'console.endorsements.search.achievements': 'Published achievements',
  'console.endorsements.search.endorsed': 'You endorse it',
  'console.endorsements.review.did': 'Identifier (DID)',
  'console.endorsements.review.website': 'Website',
  'console.endorsements.review.awards': 'What it awards',
  'console.endorsements.review.noAwards': 'It has published no achievement yet.',
  'console.endorsements.review.own': 'An issuer does not endorse itself or its own achievements.',
  'console.endorsements.done.endorsed': 'The endorsement is signed and published.',
  'catalogue.endorsedBy.named': 'Only what {endorser} endorses.',
  'catalogue.endorsedBy.someone': 'Only what the chosen organisation endorses.',
  'catalogue.endorsedBy.clear': 'Show every achievement',
} as const;

export const issuerEndorsementsFr: Readonly<Record<keyof typeof issuerEndorsementsEn, string>> = {
  'endorsement.issuerBy': 'Émetteur recommandé par {endorser}',
  'issuer.endorsements.lead':
    'Les organisations qui se portent garantes de cet émetteur dans son ensemble. Chaque recommandation est signée et vérifiable.',
  'console.endorsements.nav': 'Recommandations',
  'console.endorsements.title': 'Recommandations',
  'console.endorsements.lead':
    'Portez-vous garant d’un autre émetteur ou de l’une de ses certifications publiées : votre émetteur signe une recommandation que chacun peut vérifier, et les certificats délivrés ensuite la portent.',
  'console.endorsements.readOnly':
    'Seuls les propriétaires et le personnel habilité à délivrer peuvent recommander ou retirer une recommandation ; vous pouvez les consulter.',
  'console.endorsements.given': 'Les recommandations que vous donnez',
  'console.endorsements.noneGiven': 'Votre émetteur ne recommande encore rien.',
  'console.endorsements.received': 'Les recommandations que vous recevez',
  'console.endorsements.noneReceived': 'Personne ne recommande encore votre émetteur ni ses certifications.',
  'console.endorsements.yourIssuer': 'Votre émetteur dans son ensemble',
  'console.endorsements.column.subject': 'Recommandé',
  'console.endorsements.column.endorser': 'Auteur',
  'console.endorsements.kind.issuer': '(émetteur)',
  'console.endorsements.kind.achievement': '(certification)',
  'console.endorsements.search.heading': 'Trouver un émetteur ou une certification à recommander',
  'console.endorsements.search.label': 'Nom',
  'console.endorsements.search.issuers': 'Émetteurs',
  'console.endorsements.search.noIssuer': 'Aucun autre émetteur ne correspond.',
  'console.endorsements.search.achievements': 'Certifications publiées',
  'console.endorsements.search.endorsed': 'Vous le recommandez',
  'console.endorsements.review.did': 'Identifiant (DID)',
  'console.endorsements.review.website': 'Site web',
  'console.endorsements.review.awards': 'Ce qu’il délivre',
  'console.endorsements.review.noAwards': 'Il n’a encore publié aucune certification.',
  'console.endorsements.review.own': 'Un émetteur ne recommande ni lui-même ni ses propres certifications.',
  'console.endorsements.done.endorsed': 'La recommandation est signée et publiée.',
  'catalogue.endorsedBy.named': 'Seulement ce que {endorser} recommande.',
  'catalogue.endorsedBy.someone': 'Seulement ce que l’organisation choisie recommande.',
  'catalogue.endorsedBy.clear': 'Afficher toutes les certifications',
};
