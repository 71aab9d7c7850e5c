import { achievementWordsFr } from './achievement-words.js';
import { catalogueFr } from './catalogue.js';
import { connectedAppsFr } from './connected-apps.js';
import { consoleAchievementsFr } from './console-achievements.js';
import { consoleAnalyticsFr } from './console-analytics.js';
import { consoleBulkFr } from './console-bulk.js';
import { consoleCredentialsFr } from './console-credentials.js';
import { consoleOrganisationFr } from './console-organisation.js';
import { consolePathwaysFr } from './console-pathways.js';
import { consoleShellFr } from './console-shell.js';
import { credentialStateFr } from './credential-state.js';
import { earnerCelebrationFr } from './earner-celebration.js';
import { earnerRolesFr } from './earner-roles.js';
import { earnerSharingFr } from './earner-sharing.js';
import { earnerSkillsFr } from './earner-skills.js';
import { employerFr } from './employer.js';
import type { MessageKey } from './en.js';
import { endorsementRequestsFr } from './endorsement-requests.js';
import { endorsementsFr } from './endorsements.js';
import { errorsFr } from './errors.js';
import { issuerEndorsementsFr } from './issuer-endorsements.js';
import { issuerTrustFr } from './issuer-trust.js';
import { notificationsFr } from './notifications.js';
import { ob2VerificationFr } from './ob2-verification.js';
import { outcomesFr } from './outcomes.js';
import { privacyFr } from './privacy.js';
import { profilePhotoFr } from './profile-photo.js';
import { publicPortfolioFr } from './public-portfolio.js';
import { recipientMatchFr } from './recipient-match.js';
import { sharedVerificationsFr } from './shared-verifications.js';
import { transparencyLogFr } from './transparency-log.js';
import { verificationChecksFr } from './verification-checks.js';
import { walletFr } from './wallet.js';
import { webhooksFr } from './webhooks.js';
import { workforceFr } from './workforce.js';

/** Every user-facing string in French; the same keys as en.ts (the type checker insists). */
export const fr: Readonly<Record<MessageKey, string>> = {
  ...catalogueFr,
  ...earnerSkillsFr,
  ...publicPortfolioFr,
  ...profilePhotoFr,
  ...walletFr,
  ...connectedAppsFr,
  ...earnerRolesFr,
  ...earnerSharingFr,
  ...consoleShellFr,
  ...consoleAchievementsFr,
  ...consoleBulkFr,
  ...consoleCredentialsFr,
  ...consoleOrganisationFr,
  ...consolePathwaysFr,
  ...employerFr,
  ...workforceFr,
  ...notificationsFr,
  ...outcomesFr,
  ...webhooksFr,
  ...consoleAnalyticsFr,
  ...endorsementsFr,
  ...issuerTrustFr,
  ...ob2VerificationFr,
  ...credentialStateFr,
  ...earnerCelebrationFr,
  ...achievementWordsFr,
  ...verificationChecksFr,
  ...sharedVerificationsFr,
  ...recipientMatchFr,
  ...endorsementRequestsFr,
  ...issuerEndorsementsFr,
  ...errorsFr,
  ...transparencyLogFr,
  ...privacyFr,
  'layout.skip': 'Aller au contenu',
  'layout.nav': 'Principale',
  'layout.footer':
    'microcred : microcertifications ouvertes et vérifiables (Open Badges 3.0, W3C Verifiable Credentials).',
  'layout.language': 'Langue',
  'nav.verify': 'Vérifier une certification',
  'nav.signIn': 'Se connecter',
  'nav.signOut': 'Se déconnecter',
  'nav.myCredentials': 'Mes certifications',
  'nav.settings': 'Compte',

  'home.title': 'Des certifications que vous pouvez prouver',
  'home.lead':
    'Recevez, conservez et partagez des certifications numériques que chacun peut vérifier en une seule étape, sur n’importe quelle plateforme.',
  'home.earners': 'Titulaires',
  'home.earnersText':
    'Récupérez les certifications qui vous sont envoyées, rassemblez-les dans un portfolio unique et partagez-les sur LinkedIn, dans votre CV ou sous forme d’image de badge.',
  'home.verifiers': 'Employeurs et vérificateurs',
  'home.verifiersText':
    'Vérifiez qu’une certification est authentique, non révoquée et délivrée par l’émetteur qu’elle indique : déposez le fichier, collez-le ou donnez son lien.',
  'home.issuers': 'Émetteurs',
  'home.issuersPitch':
    'Universités, entreprises et organismes professionnels délivrent des certifications à leur nom, signées avec leur propre clé.',
  'home.issuersList': 'Qui délivre des certifications ici',
  'home.api': 'L’API pour les émetteurs',
  'home.figures': 'Cette instance en chiffres',
  'home.figure.issuers': '{count, plural, one {organisme émetteur} other {organismes émetteurs}}',
  'home.figure.achievements':
    '{count, plural, one {certification à obtenir} other {certifications à obtenir}}',
  'home.figure.credentials': '{count, plural, one {certification délivrée} other {certifications délivrées}}',
  'home.figure.verifications':
    '{count, plural, one {vérification ces {days} derniers jours} other {vérifications ces {days} derniers jours}}',
  'home.browse': 'Voir ce que vous pouvez obtenir',
  'home.earners.claim': 'Acceptez une certification depuis le lien de son e-mail, sans mot de passe',
  'home.earners.keep': 'Rassemblez vos certifications dans un portfolio, publiques ou privées, une à une',
  'home.earners.stack': 'Cumulez des certifications en certificats le long du parcours d’un émetteur',
  'home.earners.share': 'Ajoutez-la à LinkedIn, imprimez le certificat PDF, intégrez le badge',
  'home.verifiers.check': 'Signature, clé de l’émetteur, révocation et dates vérifiées en une étape',
  'home.verifiers.trust': 'Les émetteurs contrôlés par cette instance sont signalés comme tels',
  'home.verifiers.talent':
    'Cherchez des personnes par compétence et voyez l’écart entre une personne et un poste',
  'home.verifiers.workspace': 'Espace employeur',
  'home.issuers.define': 'Définissez des certifications avec critères, compétences et modalité',
  'home.issuers.issue':
    'Délivrez-les une à une ou à toute une promotion depuis un fichier CSV ; révoquez ou suspendez',
  'home.issuers.measure': 'Suivez acceptations, partages, vérifications et devenir déclaré des titulaires',
  'home.issuers.console': 'Console émetteur',
  'home.issuers.none': 'Aucun émetteur pour l’instant.',
  'home.standards':
    'Chaque certification est un Open Badge 3.0 fondé sur les Verifiable Credentials 2.0 du W3C, signé en Ed25519, révocable par une liste de statuts et inscrit dans un journal de transparence public : chacun peut la vérifier sans nous le demander.',
  'home.standardsLog': 'Le dernier point de contrôle du journal de transparence',

  'signin.title': 'Connexion',
  'signin.lead':
    'Saisissez votre adresse e-mail : nous vous envoyons un lien qui vous connecte. Aucun mot de passe n’est nécessaire.',
  'signin.email': 'Adresse e-mail',
  'signin.send': 'Recevoir un lien de connexion',
  'signin.sent':
    'Si {email} peut recevoir des e-mails, un lien de connexion est en route. Il n’est valable qu’une fois, pendant 30 minutes.',
  'signin.sentUnnamed':
    'Si l’adresse saisie peut recevoir des e-mails, un lien de connexion est en route. Il n’est valable qu’une fois, pendant 30 minutes.',
  'signin.invalid': 'Saisissez une adresse e-mail valide.',
  'signin.confirmTitle': 'Se connecter à microcred',
  'signin.confirmText': 'Continuez pour vous connecter avec l’adresse à laquelle ce lien a été envoyé.',
  'signin.confirmButton': 'Se connecter',

  'claim.title': 'Récupérer « {name} »',
  'claim.lead': '{issuer} vous a décerné cette certification ({email}).',
  'claim.explain':
    'En l’acceptant, vous l’ajoutez à votre portfolio, où vous décidez qui peut la voir. En la refusant, vous indiquez à l’émetteur que vous n’en voulez pas ; rien n’est partagé.',
  'claim.accept': 'Accepter',
  'claim.decline': 'Refuser',
  'claim.declinedTitle': 'Certification refusée',
  'claim.declinedText': 'Vous avez refusé cette certification. Elle n’apparaîtra dans aucun portfolio.',

  'account.title': 'Mes certifications',
  'account.noHandle': 'Votre portfolio n’a pas encore d’adresse publique.',
  'account.chooseHandle': 'Choisir un identifiant',
  'account.publicAt': 'Votre portfolio public :',
  'account.empty':
    'Aucune certification pour l’instant. Les certifications envoyées à vos adresses confirmées apparaissent ici.',

  'owner.heading': 'Votre certification',
  'owner.public':
    'Publique : toute personne disposant du lien peut la voir, et elle figure dans votre portfolio public.',
  'owner.private': 'Privée : elle n’est visible que par vous.',
  'credential.altered.title': 'Non vérifiée',
  'credential.altered.lead':
    'Cette certification ne correspond pas à sa signature : elle a été modifiée après sa signature par l’émetteur. Son contenu n’est pas affiché, et rien de ce qu’elle dit n’est fiable.',
  'credential.notAccepted':
    'Son titulaire n’a pas encore accepté cette certification : elle montre ce que l’émetteur a décerné, pas ce que son titulaire a choisi de partager.',
  'owner.pending': 'Nouvelle : acceptez-la pour l’afficher, ou refusez-la.',
  'owner.declined': 'Refusée : elle est masquée pour tout le monde.',
  'owner.makePublic': 'Rendre publique',
  'owner.makePrivate': 'Rendre privée',
  'owner.restore': 'L’accepter finalement',

  'import.heading': 'Ajouter une certification obtenue ailleurs',
  'import.hint':
    'Une certification Open Badges 3.0, sous forme de fichier (JSON, JWT, PNG ou SVG avec badge intégré), collée ou par lien. Elle est vérifiée immédiatement ; si la vérification échoue, elle reste privée.',
  'import.file': 'Choisir ou déposer un fichier',
  'import.paste': 'Ou collez la certification (JSON ou JWT)',
  'import.url': 'Ou son lien',
  'import.submit': 'Ajouter à mon portfolio',
  'import.nothing': 'Choisissez un fichier, collez une certification ou indiquez un lien.',
  'imported.label': 'Importée',
  'imported.cannotShare':
    'La vérification de cette certification a échoué : elle reste donc privée et ne peut pas être partagée.',
  'imported.cannotShareUnproven':
    'Rien ne montre qui a signé cette certification (acceptée seulement en mode de compatibilité) : elle reste donc privée et ne peut pas être partagée.',
  'imported.delete': 'Retirer de mon portfolio',
  'imported.confirmDelete': 'Retirer cette certification de votre portfolio ?',

  'settings.title': 'Compte',
  'settings.profile': 'Profil',
  'settings.displayName': 'Nom affiché',
  'settings.handle': 'Identifiant public',
  'settings.handleHint':
    'L’adresse de votre portfolio : {address}. De 3 à 32 lettres minuscules, chiffres ou tirets. Laissez vide pour ne pas avoir de portfolio public.',
  'settings.handleExample': 'votre-identifiant',
  'settings.handleTaken': 'Cet identifiant est déjà pris : choisissez-en un autre.',
  'settings.language': 'Langue',
  'settings.save': 'Enregistrer',
  'settings.saved': 'Enregistré.',
  'settings.emails': 'Adresses e-mail',
  'settings.emailsHint':
    'Les certifications envoyées à l’une de vos adresses confirmées arrivent toutes dans ce portfolio.',
  'settings.address': 'Adresse',
  'settings.state': 'État',
  'settings.actions': 'Actions',
  'settings.confirmed': 'Confirmée',
  'settings.unconfirmed': 'En attente de confirmation',
  'settings.lastAddress':
    'Votre seule adresse confirmée ne peut pas être supprimée : ajoutez-en et confirmez-en une autre d’abord, ou supprimez votre compte.',
  'settings.remove': 'Supprimer',
  'settings.addEmail': 'Ajouter une adresse',
  'settings.sendConfirmation': 'Envoyer un lien de confirmation',
  'settings.confirmationSent':
    'Nous avons envoyé un lien de confirmation à la nouvelle adresse : ouvrez-le pour confirmer l’adresse.',
  'settings.emailRemoved': 'Adresse supprimée.',
  'settings.export': 'Vos données',
  'settings.exportHint':
    'Téléchargez toutes les données que nous détenons sur vous, ou vos certifications sous forme de lot CLR 2.0 importable par une autre plateforme.',
  'settings.exportJson': 'Télécharger mes données (JSON)',
  'settings.exportClr': 'Télécharger un lot CLR 2.0',
  'settings.delete': 'Supprimer mon compte',
  'settings.deleteHint':
    'Supprime votre profil, votre photo, vos adresses, vos choix et vos imports. Les certifications restent valides là où les émetteurs les conservent, mais ne sont plus liées à vous.',
  'settings.deleteConfirm': 'Supprimer définitivement votre compte ?',
  'settings.deleteButton': 'Supprimer mon compte',
  'settings.deletedTitle': 'Compte supprimé',
  'settings.deletedText': 'Votre compte et tout son contenu ont été supprimés.',

  'verifyEmail.title': 'Confirmer cette adresse',
  'verifyEmail.text':
    'Confirmez l’adresse à laquelle ce lien a été envoyé : les certifications qui y sont envoyées rejoindront votre portfolio.',
  'verifyEmail.button': 'Confirmer',

  'credential.issuer': 'Émetteur',
  'credential.recipient': 'Décernée à',
  'credential.type': 'Type',
  'credential.issued': 'Délivrée le',
  'credential.expires': 'Expire le',
  'credential.noExpiry': 'N’expire pas',
  'credential.criteria': 'Modalités d’obtention',
  'credential.skills': 'Compétences',
  'credential.evidence': 'Preuves',
  'credential.evidenceItem': 'Preuve',
  'credential.badgeAlt': 'Badge : {name}',
  'credential.defaultDescription': 'Une certification vérifiable délivrée par {issuer}.',
  'credential.verdictTo': 'Décernée à {recipient} par {issuer} le {date}.',
  'credential.verdictBy': 'Décernée par {issuer} le {date}.',
  'credential.howChecked': 'Comment elle a été vérifiée',
  'credential.moreFrom': 'Autres certifications de {name}',

  'standing.verified': 'Vérifiée',
  'standing.revoked': 'Révoquée',
  'standing.suspended': 'Suspendue',
  'standing.expired': 'Expirée',
  'standing.unverified': 'Non vérifiée',
  'standing.unproven': 'Signature valide — auteur non prouvé (mode de compatibilité)',

  'issuer.verified': 'Émetteur vérifié',
  'issuer.verifiedExplained': 'La plateforme a vérifié que cet émetteur est bien celui qu’il prétend être.',
  'issuer.notVerified': 'Identité de l’émetteur non contrôlée par cette plateforme',
  'issuer.website': 'Site web',
  'issuer.did': 'Identifiant (DID)',
  'issuer.achievements': 'Certifications qu’il décerne',
  'issuer.noAchievements': 'Aucune certification publiée pour l’instant.',
  'achievement.earners': '{count, plural, one {Détenue par # personne} other {Détenue par # personnes}}',
  'achievement.holders': 'Titulaires',
  'achievement.level': 'Niveau',
  'achievement.hours': 'Heures',
  'achievement.credits': 'Crédits',
  'achievement.delivery': 'Modalité',

  'share.heading': 'Partager et télécharger',
  'share.linkedinAdd': 'Ajouter au profil LinkedIn',
  'share.linkedinNeedsPublic': 'Rendez la certification publique pour l’ajouter à votre profil LinkedIn.',
  'share.linkedin': 'Partager sur LinkedIn',
  'share.x': 'Partager sur X',
  'share.email': 'Partager par e-mail',
  'share.text': 'J’ai obtenu la certification « {name} » délivrée par {issuer}.',
  'share.qr': 'QR code de cette page',
  'share.qrAlt': 'QR code menant à la page de cette certification',
  'share.embed': 'Intégrer à votre site',
  'share.copy': 'Copier',
  'share.copied': 'Copié.',
  'share.link': 'Son adresse',
  'share.copyLink': 'Copier le lien',
  'share.linkCopied': 'Lien copié.',
  'share.copyFailed': 'Sélectionné : copiez-le avec le menu ou le clavier de votre appareil.',
  'share.native': 'Partager…',
  'download.heading': 'Téléchargements',
  'download.png': 'Image du badge (PNG)',
  'download.svg': 'Image du badge (SVG)',
  'download.json': 'Certification (JSON)',
  'download.jwt': 'Certification (VC-JWT)',
  'download.pdf': 'Certificat (PDF)',
  'certificate.title': 'Certificat',
  'certificate.certifies': 'Ce certificat atteste que',
  'certificate.hasEarned': 'a obtenu',
  'shareCard.credential': 'Certification numérique',
  'shareCard.earnedBy': 'Obtenue par {name}',
  'shareCard.issuedBy': 'Délivrée par {issuer}',
  'shareCard.credentialAlt': '{name}, obtenue par {recipient}, délivrée par {issuer}',
  'shareCard.achievement': 'Certification',
  'shareCard.achievementAlt': '{name}, délivrée par {issuer}',
  'shareCard.portfolio': 'Portfolio',
  'shareCard.portfolioLead': 'Certifications et compétences vérifiables',
  'shareCard.portfolioAlt': 'Portfolio de {name}',
  'certificate.issuedOn': 'Délivré le',
  'certificate.expiresOn': 'Expire le',
  'certificate.verifyAt': 'Vérifiable sur',
  'certificate.issuedBy': 'Délivré par',

  'verify.title': 'Vérifier une certification',
  'verify.lead':
    'Vérifiez qu’une certification est authentique, intacte, non révoquée et délivrée par l’émetteur qu’elle indique. Rien de ce que vous vérifiez n’est conservé.',
  'verify.file': 'Choisir ou déposer un fichier (JSON, JWT, PNG ou SVG avec badge intégré)',
  'verify.fileHint': '2 Mo maximum.',
  'verify.paste': 'Ou collez la certification (JSON ou JWT)',
  'verify.url': 'Ou son lien',
  'verify.submit': 'Vérifier',
  'verify.nothing': 'Choisissez un fichier, collez une certification ou indiquez un lien à vérifier.',
  'verify.urlNotFound': 'Rien n’est publié à ce lien (ou son contenu est privé).',
  'verify.urlUnavailable':
    'Ce serveur ne récupère pas de certifications sur d’autres sites : téléchargez la certification, puis envoyez le fichier.',
  'verify.result': 'Résultat',
  'verify.resultFor': 'Certification « {name} » délivrée par {issuer}',
  'verify.howChecked': '{count, plural, one {Le contrôle, en détail} other {Les # contrôles, en détail}}',
  'verify.panel.heading': 'Vérification',
  'verify.summary.verified':
    'Tous les contrôles ont réussi : cette certification est authentique et en vigueur.',
  'verify.summary.revoked': 'L’émetteur a révoqué cette certification : il ne s’en porte plus garant.',
  'verify.summary.suspended': 'L’émetteur a suspendu cette certification pour le moment.',
  'verify.summary.expired': 'Cette certification a expiré.',
  'verify.summary.unverified':
    'Cette certification n’a pas pu être vérifiée : ne vous fiez pas à son contenu.',
  'verify.summary.unproven':
    'La signature est intacte, mais rien ne montre qu’elle vient de l’émetteur indiqué : elle n’a été acceptée que par un mode de compatibilité à ne pas utiliser en production. Ne vous fiez pas à l’émetteur qu’elle annonce.',
  'verify.outcome.ok': 'réussi',
  'verify.outcome.warning': 'réussi, avec une réserve',
  'verify.outcome.failed': 'échoué',
  'verify.outcome.skipped': 'non évalué',
  'verify.skipped.meaning':
    'Le document a échoué à un contrôle ci-dessus : ce qu’il dit à ce sujet ne peut être cru ni dans un sens ni dans l’autre.',
  'punctuation.colon': '\u00a0: ',
  'verify.detail': 'détail technique',
  'verify.nested': 'Certifications incluses ({count})',
  'upload.tooLarge': 'Le fichier est trop volumineux : la limite est de {limit} Mo.',
  'upload.wrongType':
    'Ce fichier n’est pas une certification : envoyez du JSON, un JWT, ou un PNG ou SVG avec badge intégré.',

  'check.parse.label': 'Format',
  'check.parse.ok': 'Le contenu a pu être lu comme une certification.',
  'check.parse.failed':
    'Le contenu n’est pas une certification lisible par ce vérificateur : rien ne peut donc en être confirmé.',
  'check.jwt.label': 'Enveloppe JWT',
  'check.jwt.ok':
    'Le JWT qui enveloppe la certification est bien formé et ses déclarations concordent avec elle.',
  'check.jwt.failed':
    'Le JWT qui enveloppe la certification est mal formé ou la contredit : la certification n’est donc pas fiable.',
  'check.context.label': 'Vocabulaire',
  'check.context.ok': 'La certification utilise des vocabulaires connus et standard.',
  'check.context.failed':
    'La certification utilise un vocabulaire inconnu de ce vérificateur : son sens ne peut donc pas être établi.',
  'check.type.label': 'Type de certification',
  'check.type.ok': 'Il s’agit bien d’une Verifiable Credential.',
  'check.type.failed': 'Elle ne se déclare pas comme Verifiable Credential.',
  'check.open-badge.label': 'Open Badge',
  'check.open-badge.ok': 'Il s’agit d’une certification Open Badges.',
  'check.open-badge.failed': 'Il ne s’agit pas d’une certification Open Badges.',
  'check.schema.label': 'Structure',
  'check.schema.ok': 'Sa structure respecte le modèle de données Open Badges 3.0.',
  'check.schema.failed':
    'Sa structure enfreint le modèle de données Open Badges 3.0 ; certains champs peuvent ne pas signifier ce qu’ils semblent dire.',
  'check.subject.label': 'Titulaire',
  'check.subject.ok': 'Elle indique qui l’a obtenue.',
  'check.subject.failed': 'Elle n’indique pas correctement qui l’a obtenue.',
  'check.proof.label': 'Signature',
  'check.proof.ok': 'La signature est intacte : le contenu est exactement celui que l’émetteur a signé.',
  'check.proof.failed':
    'La signature ne correspond pas : la certification a été modifiée après sa signature ou n’a pas été signée par la clé qu’elle indique. Ne vous fiez pas à son contenu.',
  'check.json-ld.label': 'Signification signée',
  'check.json-ld.ok': 'Chaque terme signé a une signification définie.',
  'check.json-ld.failed':
    'Certains termes signés n’ont pas de signification définie : des parties du contenu échappent donc à la signature.',
  'check.issuer.label': 'Émetteur',
  'check.issuer.ok': 'La clé de signature appartient à l’émetteur indiqué par la certification.',
  'check.issuer.failed':
    'La clé de signature ne peut pas être rattachée à l’émetteur indiqué par la certification : quelqu’un d’autre a pu la créer.',
  'check.valid-from.label': 'Date de début',
  'check.valid-from.ok': 'La certification est déjà en vigueur.',
  'check.valid-from.failed': 'La certification n’est pas encore en vigueur.',
  'check.valid-until.label': 'Expiration',
  'check.valid-until.ok': 'La certification n’a pas expiré.',
  'check.valid-until.failed':
    'La certification a expiré : l’émetteur ne s’en porte plus garant après sa date de fin.',
  'check.status.label': 'Révocation',
  'check.status.ok': 'L’émetteur ne l’a ni révoquée ni suspendue.',
  'check.status.failed': 'L’émetteur l’a révoquée ou suspendue, ou son statut n’a pas pu être vérifié.',
  'check.endorsements.label': 'Approbations',
  'check.endorsements.ok': 'Ses approbations sont valides.',
  'check.endorsements.failed': 'L’une de ses approbations n’a pas pu être vérifiée.',
  'check.nested-credentials.label': 'Certifications incluses',
  'check.nested-credentials.ok': 'Toutes les certifications incluses sont vérifiées.',
  'check.nested-credentials.failed': 'Une certification incluse n’a pas pu être vérifiée.',
  'check.other.label': 'Autre contrôle',
  'check.other.ok': 'Ce contrôle a réussi.',
  'check.other.failed': 'Ce contrôle a échoué.',

  'pathways.title': 'Mes parcours',
  'pathways.mine': 'Mes parcours',
  'pathways.none':
    'Vous ne suivez encore aucun parcours. Suivez-en un ci-dessous, ou obtenez une certification qui compte pour l’un d’eux.',
  'pathways.follow': 'Parcours que vous pouvez suivre',
  'pathways.followButton': 'Suivre',
  'pathways.unfollowButton': 'Ne plus suivre',
  'pathway.stepsDone': '{done, plural, one {# étape franchie} other {# étapes franchies}} sur {total}',
  'pathway.percent': 'Terminé à {percent} %',
  'pathway.complete': 'Terminé',
  'pathway.progressOf': 'Progression dans « {name} »',
  'pathway.next': 'Prochaines étapes',
  'pathway.oneMore': 'Il ne manque plus qu’une certification, au choix parmi',
  'pathway.step': 'Étape',
  'pathway.missing': 'Reste à obtenir',
  'pathway.completes': 'Le terminerait',
  'pathway.document': 'Le parcours en données ouvertes',
  'pathway.certificate': 'Voir le certificat obtenu',
  'pathway.unknownAchievement': 'Une certification',
  'pathway.state.done': 'Terminée',
  'pathway.state.inProgress': 'En cours',
  'pathway.state.missing': 'Manquante',
  'pathway.state.blocked': 'En attente d’une étape précédente',
  'pathway.rule.all': 'Tous ces éléments',
  'pathway.rule.nOf': '{n} sur {m}',
  'pathway.rule.credits': '{n} crédits',
  'pathway.rule.hours': '{n} heures',
  'pathway.rule.step': 'Étape',

  'mailbox.title': 'Boîte mail de développement',
  'mailbox.lead':
    'Aucun serveur de messagerie n’est configuré : les e-mails sont donc conservés ici (et écrits dans le dossier outbox). Cette page n’existe pas en production.',
  'mailbox.empty': 'Aucun e-mail pour l’instant.',
  'mailbox.open': 'Ouvrir la boîte mail de développement',
  'mailbox.to': 'Destinataire',
  'mailbox.subject': 'Objet',
  'mailbox.when': 'Envoyé',
  'mailbox.back': 'Tous les e-mails',

  'error.title': 'Cela n’a pas fonctionné',
  'error.notFound': 'Page introuvable',
  'error.notFoundText': 'Il n’y a rien ici, ou le contenu est privé.',
  'error.internal': 'Une erreur s’est produite',
  'error.internalText': 'Le serveur n’a pas pu traiter cette requête. Réessayez dans un instant.',
  'error.tooMany': 'Trop de demandes',
  'error.tooManyText':
    'Il y a eu trop de tentatives depuis cet endroit ou pour cette adresse. Réessayez dans {minutes} min.',
  'error.home': 'Aller à la page d’accueil',

  'mail.claim.subject': '{issuer} vous a décerné « {achievement} »',
  'mail.claim.body': '{issuer} vous a décerné « {achievement} », une certification numérique vérifiable.',
  'mail.claim.action': 'Récupérer votre certification',
  'mail.claim.note':
    'Le lien n’est valable qu’une fois, pendant 60 jours. Si vous n’attendiez pas cette certification, vous pourrez la refuser depuis cette page.',
  'mail.signIn.subject': 'Votre lien de connexion à microcred',
  'mail.signIn.body':
    'Quelqu’un (vous, nous l’espérons) a demandé à se connecter à microcred avec cette adresse.',
  'mail.signIn.action': 'Se connecter',
  'mail.signIn.note':
    'Le lien n’est valable qu’une fois, pendant 30 minutes. Si vous n’en avez pas fait la demande, ignorez cet e-mail.',
  'mail.verifyEmail.subject': 'Confirmez {email} pour votre compte microcred',
  'mail.verifyEmail.body':
    'Confirmez que {email} vous appartient : les certifications qui y sont envoyées rejoindront votre portfolio.',
  'mail.verifyEmail.action': 'Confirmer cette adresse',
  'mail.verifyEmail.note':
    'Le lien n’est valable qu’une fois, pendant 24 heures. Si vous n’en avez pas fait la demande, ignorez cet e-mail.',
};
