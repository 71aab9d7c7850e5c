/**
 * Open Badges 2.0 assertions: the checks whose OB 3.0 words would say something untrue of them (an
 * assertion is no Verifiable Credential; a hosted one has no signature). Spread into en.ts and fr.ts.
 */
export const ob2VerificationEn = {
  'check.type.ob2.ok': 'It is an Open Badges 2.0 assertion.',
  'check.type.ob2.failed': 'It is not a well-formed Open Badges 2.0 assertion.',
  'check.proof.ob2-hosted.label': 'Hosted by the issuer',
  'check.proof.ob2-hosted.ok':
    'The issuer’s server hosts this very assertion: the content is what the issuer publishes.',
  'check.proof.ob2-hosted.failed':
    'The issuer’s server does not host this assertion as given: it was altered, withdrawn, or could not be reached. Do not trust its content.',
  'check.issuer.ob2-hosted.ok': 'It is hosted where the issuer it names says its badges live.',
  'check.issuer.ob2-hosted.failed':
    'It is not hosted where the issuer it names says its badges live, or that issuer could not be read: someone else may have made it.',
};

export const ob2VerificationFr: Record<keyof typeof ob2VerificationEn, string> = {
  'check.type.ob2.ok': 'Il s’agit d’une assertion Open Badges 2.0.',
  'check.type.ob2.failed': 'Ce n’est pas une assertion Open Badges 2.0 bien formée.',
  'check.proof.ob2-hosted.label': 'Hébergée par l’émetteur',
  'check.proof.ob2-hosted.ok':
    'Le serveur de l’émetteur héberge cette assertion même : son contenu est celui que l’émetteur publie.',
  'check.proof.ob2-hosted.failed':
    'Le serveur de l’émetteur n’héberge pas cette assertion telle quelle : elle a été modifiée, retirée, ou n’a pas pu être lue. Ne vous fiez pas à son contenu.',
  'check.issuer.ob2-hosted.ok': 'Elle est hébergée là où l’émetteur qu’elle nomme dit publier ses badges.',
  'check.issuer.ob2-hosted.failed':
    'Elle n’est pas hébergée là où l’émetteur qu’elle nomme dit publier ses badges, ou cet émetteur n’a pas pu être lu : quelqu’un d’autre a pu la fabriquer.',
};
