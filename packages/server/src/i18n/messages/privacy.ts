/**
 * The built-in privacy page (`/privacy`) and the footer's links to it. Every sentence states what the code
 * does (see privacy-page.tsx for where each fact comes from): no promise the software does not keep.
 * Spread into en.ts and fr.ts.
 */
export const privacyEn = {
  'layout.policies': 'Policies',
  'layout.privacy': 'Privacy',
  'layout.terms': 'Terms of service',

  'privacy.title': 'Privacy',
  'privacy.description':
    'What this platform stores about you, who can see it, how long it is kept, and where it is sent.',
  'privacy.lead':
    'This page says what the microcred software running at {host} stores about the people who use it, who can see it, how long it is kept and where it is sent. It describes what the software does; the operator of {host} runs it.',
  'privacy.operator.heading': 'Who runs this platform',
  'privacy.operator.text': 'The operator of {host}.',
  'privacy.operator.mail': 'The mail this platform sends comes from {mailFrom}.',
  'privacy.operator.others':
    'The software itself sends personal data nowhere but as described under “What is sent elsewhere”; where and with whom the operator hosts it is theirs to say.',

  'privacy.earner.heading': 'If you receive credentials',
  'privacy.earner.stored': 'What is kept',
  'privacy.earner.stored.credential':
    'Each credential issued to you: the signed document names the achievement, the issuer, the dates, and your name if the issuer gave one. Your email address is in it only as a salted hash; beside it the platform keeps a keyed hash of the address to find your credentials, not the address itself.',
  'privacy.earner.stored.account':
    'If you sign in (by a link sent to your address; there is no password): your email addresses, and what you choose to add: a display name, a public handle, a headline and up to three links, a photo (re-encoded, with none of the original file’s metadata), your language.',
  'privacy.earner.stored.choices':
    'Your choices: each credential accepted or declined, public or private; credentials you import from elsewhere, with the result of their verification; the pathways you follow; your notification choices; what you share with employers; apps you connect.',
  'privacy.earner.stored.survey':
    'The career outcomes survey, only if you agreed to it: which outcomes you reported for a credential. Issuers see only totals, and none for fewer than {respondents} respondents.',
  'privacy.earner.seen': 'Who can see it',
  'privacy.earner.seen.unclaimed':
    'A credential the issuer sent you is at its link, for anyone who has the link, until you decide about it in your account. Once it is in your account: public means anyone with the link; private means only you. A declined credential is hidden the same way.',
  'privacy.earner.seen.portfolio':
    'Your public portfolio exists only once you choose a handle: it shows your display name, photo, headline, links and the credentials you made public.',
  'privacy.earner.seen.issuer':
    'The issuer’s staff see the credentials their organisation issued, with the name they gave, and can find them by the address they issued them to.',
  'privacy.earner.seen.employers':
    'Employers find you only if you opt in, to one employer or to the talent directory every employer on the platform searches. You choose whether your name and your address are shown (otherwise you are a numbered candidate), which credentials count, and a location if you want one. An employer that invites you to its workforce sees the credentials you choose once you accept.',
  'privacy.earner.seen.admin': 'The people who administer the platform can read its database.',
  'privacy.earner.kept': 'How long',
  'privacy.earner.kept.account':
    'Your account, and everything listed above that it holds, until you delete it. Deleting it removes your profile, photo, addresses, sessions, choices, imports, follows, sharing consents, notification choices, survey answers and app connections.',
  'privacy.earner.kept.credentials':
    'Credentials issued to you stay with the issuer that issued them, and stay verifiable: they are its record. After you delete your account, those you had made private or declined stay hidden and no longer name your account.',
  'privacy.earner.kept.links':
    'A sign-in link works for {signInMinutes} minutes, a link to confirm an address for {confirmHours} hours, a claim link for {claimDays} days; a signed-in session lasts {sessionDays} days, or until you sign out.',
  'privacy.earner.do': 'What you can do',
  'privacy.earner.do.credentials': 'accept or decline each credential, make it public or private.',
  'privacy.earner.do.settings':
    'change your name, handle, addresses, portfolio and notifications; download everything the platform holds about you (JSON) or your credentials (CLR 2.0); delete your account.',
  'privacy.earner.do.sharing': 'start or stop sharing with employers, and choose what they see.',
  'privacy.earner.do.apps': 'see the apps you connected, and disconnect them.',
  'privacy.earner.do.mail':
    'every notification mail has a link to stop that kind of mail, which works without signing in.',
  'privacy.link.credentials': 'My credentials',
  'privacy.link.settings': 'Settings',
  'privacy.link.sharing': 'Sharing',
  'privacy.link.apps': 'Connected apps',
  'privacy.link.mail': 'Mail',

  'privacy.staff.heading': 'If you work for an issuer or an employer',
  'privacy.staff.stored':
    'Your email address (and your name, when given) with your role in the organisation. What you do in its console or workspace is recorded with your address: who revoked or suspended a credential, who endorsed or asked for an endorsement, who saved a role, who invited an employee. A bulk upload keeps its rows, recipients’ addresses and names included, with the job. An API key is kept only as a hash, with its name, role and the first characters that identify it.',
  'privacy.staff.seen':
    'The other members of the same organisation, and the platform’s administrators. An employer’s workforce keeps the address and team of each person it invited, and whether they connected.',

  'privacy.verifier.heading': 'If you verify a credential',
  'privacy.verifier.check':
    'A credential you paste, upload or link on the verify page is checked and not kept. If you share the result, the platform keeps the result and a digest of the credential, not its content. A batch verification over the API keeps each credential until it is verified, then only its result, for {verificationDays} days.',
  'privacy.verifier.search':
    'An employer’s searches are not recorded; the roles it saves are, with who saved them.',

  'privacy.visitor.heading': 'Anyone who visits',
  'privacy.visitor.cookies': 'Cookies',
  'privacy.visitor.cookies.text':
    'The platform sets only these cookies, all of them its own; there is no advertising or tracking cookie, and the pages load no script from another site.',
  'privacy.cookie.csrf': 'Protects forms from being sent by another site; until you close the browser.',
  'privacy.cookie.session': 'Keeps you signed in; {sessionDays} days, or until you sign out.',
  'privacy.cookie.lang': 'The language you picked, only once you pick one; one year.',
  'privacy.cookie.signinSent':
    'The address you just asked a sign-in link for, to show it back to you; {minutes} minutes, on the sign-in page only.',
  'privacy.cookie.afterSignin': 'The page to return to after signing in; {minutes} minutes.',
  'privacy.visitor.views':
    'When a person opens a credential’s page, the view is counted for the issuer’s statistics, once a day per visitor. The visitor is told apart by a pseudonym computed from the network address and the browser, which changes every day; the address itself is not stored. Programs and crawlers are not counted.',
  'privacy.visitor.log':
    'The server’s log records each request’s method, path, answer and duration: not your network address, nor the request’s headers, query or body.',
  'privacy.visitor.limits':
    'Limits on how often some requests may be made are counted under a hash of the network address or email address they concern, and forgotten when their window ends.',
  'privacy.visitor.images':
    'Some pages show images that issuers host on their own sites: your browser loads them from there, and so tells that site your network address.',

  'privacy.sent.heading': 'What is sent elsewhere',
  'privacy.sent.mail':
    'Mail (claim links, sign-in links, address confirmations, the notifications you have not turned off) goes out through the operator’s mail server. The platform keeps each mail {mailDays} days after sending it, then deletes its address, subject and text.',
  'privacy.sent.webhooks':
    'Issuers may receive events about the credentials they issued (issued, claimed or declined, viewed, shared, downloaded, verified, revoked, suspended, expired; progress on a pathway, counted under a pseudonym), by their event feed or webhooks: identifiers, types and the reason given for a revocation or suspension; never the earner’s name, email address or network address.',
  'privacy.sent.wallets':
    'When you add a credential to a wallet, it goes to the wallet you chose; a copy bound to the wallet records the wallet’s identifier (its DID).',
  'privacy.sent.apps':
    'An app you connect reads your credentials and profile, adds credentials or updates your profile, as far as you allowed it to. When you import from another Open Badges host, this platform registers there as an app and reads the credentials you allow it to.',
  'privacy.sent.share':
    'The share and “Add to LinkedIn” buttons open the site you chose with the credential’s link, and only when you press them.',
  'privacy.sent.log':
    'Each credential’s digest is added to the public transparency log, whose checkpoints its witnesses, if it has any, countersign: digests, no personal data.',
  'privacy.sent.fetch':
    'To verify credentials issued elsewhere, the platform fetches the issuer’s published keys and status lists from the issuer’s site.',
};

export const privacyFr: Record<keyof typeof privacyEn, string> = {
  'layout.policies': 'Politiques',
  'layout.privacy': 'Confidentialité',
  'layout.terms': 'Conditions d’utilisation',

  'privacy.title': 'Confidentialité',
  'privacy.description':
    'Ce que cette plateforme conserve sur vous, qui peut le voir, combien de temps, et où c’est envoyé.',
  'privacy.lead':
    'Cette page dit ce que le logiciel microcred, tel qu’il fonctionne sur {host}, conserve sur les personnes qui l’utilisent, qui peut le voir, combien de temps et où c’est envoyé. Elle décrit ce que fait le logiciel ; l’exploitant de {host} le fait fonctionner.',
  'privacy.operator.heading': 'Qui exploite cette plateforme',
  'privacy.operator.text': 'L’exploitant de {host}.',
  'privacy.operator.mail': 'Les courriels de cette plateforme viennent de {mailFrom}.',
  'privacy.operator.others':
    'Le logiciel lui-même n’envoie de données personnelles nulle part ailleurs que comme décrit sous « Ce qui est envoyé ailleurs » ; où et chez qui l’exploitant l’héberge, c’est à lui de le dire.',

  'privacy.earner.heading': 'Si vous recevez des certifications',
  'privacy.earner.stored': 'Ce qui est conservé',
  'privacy.earner.stored.credential':
    'Chaque certification qui vous est délivrée : le document signé nomme la réalisation, l’émetteur, les dates, et votre nom si l’émetteur l’a donné. Votre adresse électronique n’y figure que sous forme d’empreinte salée ; à côté, la plateforme garde une empreinte à clé de l’adresse pour retrouver vos certifications, pas l’adresse elle-même.',
  'privacy.earner.stored.account':
    'Si vous vous connectez (par un lien envoyé à votre adresse ; il n’y a pas de mot de passe) : vos adresses électroniques, et ce que vous choisissez d’ajouter : un nom affiché, un identifiant public, une accroche et jusqu’à trois liens, une photo (réencodée, sans aucune des métadonnées du fichier d’origine), votre langue.',
  'privacy.earner.stored.choices':
    'Vos choix : chaque certification acceptée ou refusée, publique ou privée ; les certifications que vous importez d’ailleurs, avec le résultat de leur vérification ; les parcours que vous suivez ; vos choix de notifications ; ce que vous partagez avec des employeurs ; les applications que vous connectez.',
  'privacy.earner.stored.survey':
    'L’enquête sur le devenir professionnel, seulement si vous l’avez acceptée : les situations que vous avez déclarées pour une certification. Les émetteurs n’en voient que des totaux, et aucun en dessous de {respondents} répondants.',
  'privacy.earner.seen': 'Qui peut le voir',
  'privacy.earner.seen.unclaimed':
    'Une certification que l’émetteur vous a envoyée est à son lien, pour quiconque a le lien, jusqu’à ce que vous en décidiez dans votre compte. Une fois dans votre compte : publique, elle est visible de quiconque a le lien ; privée, de vous seul. Une certification refusée est cachée de la même façon.',
  'privacy.earner.seen.portfolio':
    'Votre portfolio public n’existe qu’une fois un identifiant choisi : il montre votre nom affiché, votre photo, votre accroche, vos liens et les certifications que vous avez rendues publiques.',
  'privacy.earner.seen.issuer':
    'Le personnel de l’émetteur voit les certifications que son organisation a délivrées, avec le nom qu’il a donné, et peut les retrouver par l’adresse à laquelle il les a délivrées.',
  'privacy.earner.seen.employers':
    'Les employeurs ne vous trouvent que si vous l’acceptez, pour un employeur ou pour l’annuaire des talents que consultent tous les employeurs de la plateforme. Vous choisissez si votre nom et votre adresse sont montrés (sinon vous êtes un candidat numéroté), quelles certifications comptent, et un lieu si vous le souhaitez. Un employeur qui vous invite dans son effectif voit les certifications que vous choisissez, une fois l’invitation acceptée.',
  'privacy.earner.seen.admin':
    'Les personnes qui administrent la plateforme peuvent lire sa base de données.',
  'privacy.earner.kept': 'Combien de temps',
  'privacy.earner.kept.account':
    'Votre compte, et tout ce qu’il contient parmi ce qui précède, jusqu’à ce que vous le supprimiez. Le supprimer efface votre profil, votre photo, vos adresses, vos sessions, vos choix, vos imports, vos suivis, vos consentements de partage, vos choix de notifications, vos réponses à l’enquête et vos applications connectées.',
  'privacy.earner.kept.credentials':
    'Les certifications qui vous ont été délivrées restent chez l’émetteur qui les a délivrées, et restent vérifiables : elles sont son registre. Après la suppression de votre compte, celles que vous aviez rendues privées ou refusées restent cachées et ne nomment plus votre compte.',
  'privacy.earner.kept.links':
    'Un lien de connexion fonctionne {signInMinutes} minutes, un lien de confirmation d’adresse {confirmHours} heures, un lien de réception {claimDays} jours ; une session connectée dure {sessionDays} jours, ou jusqu’à la déconnexion.',
  'privacy.earner.do': 'Ce que vous pouvez faire',
  'privacy.earner.do.credentials': 'accepter ou refuser chaque certification, la rendre publique ou privée.',
  'privacy.earner.do.settings':
    'changer votre nom, votre identifiant, vos adresses, votre portfolio et vos notifications ; télécharger tout ce que la plateforme détient sur vous (JSON) ou vos certifications (CLR 2.0) ; supprimer votre compte.',
  'privacy.earner.do.sharing':
    'commencer ou cesser de partager avec des employeurs, et choisir ce qu’ils voient.',
  'privacy.earner.do.apps': 'voir les applications connectées, et les déconnecter.',
  'privacy.earner.do.mail':
    'chaque courriel de notification porte un lien pour ne plus recevoir ce type de courriel, qui fonctionne sans se connecter.',
  'privacy.link.credentials': 'Mes certifications',
  'privacy.link.settings': 'Paramètres',
  'privacy.link.sharing': 'Partage',
  'privacy.link.apps': 'Applications connectées',
  'privacy.link.mail': 'Courriels',

  'privacy.staff.heading': 'Si vous travaillez pour un émetteur ou un employeur',
  'privacy.staff.stored':
    'Votre adresse électronique (et votre nom, s’il est donné) avec votre rôle dans l’organisation. Ce que vous faites dans sa console ou son espace est enregistré avec votre adresse : qui a révoqué ou suspendu une certification, qui a recommandé ou demandé une recommandation, qui a enregistré un poste, qui a invité un salarié. Un dépôt en lot garde ses lignes, adresses et noms des destinataires compris, avec la tâche. Une clé d’API n’est conservée que sous forme d’empreinte, avec son nom, son rôle et les premiers caractères qui l’identifient.',
  'privacy.staff.seen':
    'Les autres membres de la même organisation, et les administrateurs de la plateforme. L’effectif d’un employeur garde l’adresse et l’équipe de chaque personne invitée, et si elle s’est connectée.',

  'privacy.verifier.heading': 'Si vous vérifiez une certification',
  'privacy.verifier.check':
    'Une certification collée, déposée ou donnée par lien sur la page de vérification est vérifiée puis n’est pas conservée. Si vous partagez le résultat, la plateforme garde le résultat et une empreinte de la certification, pas son contenu. Une vérification en lot par l’API garde chaque certification jusqu’à sa vérification, puis seulement son résultat, pendant {verificationDays} jours.',
  'privacy.verifier.search':
    'Les recherches d’un employeur ne sont pas enregistrées ; les postes qu’il enregistre le sont, avec qui les a enregistrés.',

  'privacy.visitor.heading': 'Toute personne qui visite',
  'privacy.visitor.cookies': 'Cookies',
  'privacy.visitor.cookies.text':
    'La plateforme ne dépose que ces cookies, tous les siens ; aucun cookie publicitaire ni de pistage, et les pages ne chargent aucun script d’un autre site.',
  'privacy.cookie.csrf':
    'Empêche qu’un autre site envoie les formulaires à votre place ; jusqu’à la fermeture du navigateur.',
  'privacy.cookie.session': 'Vous garde connecté ; {sessionDays} jours, ou jusqu’à la déconnexion.',
  'privacy.cookie.lang': 'La langue choisie, seulement une fois choisie ; un an.',
  'privacy.cookie.signinSent':
    'L’adresse pour laquelle vous venez de demander un lien de connexion, pour vous la rappeler ; {minutes} minutes, sur la page de connexion seulement.',
  'privacy.cookie.afterSignin': 'La page où revenir après la connexion ; {minutes} minutes.',
  'privacy.visitor.views':
    'Quand une personne ouvre la page d’une certification, la consultation est comptée pour les statistiques de l’émetteur, une fois par jour et par visiteur. Le visiteur est distingué par un pseudonyme calculé à partir de l’adresse réseau et du navigateur, qui change chaque jour ; l’adresse elle-même n’est pas conservée. Les programmes et robots ne sont pas comptés.',
  'privacy.visitor.log':
    'Le journal du serveur enregistre la méthode, le chemin, la réponse et la durée de chaque requête : ni votre adresse réseau, ni les en-têtes, la requête ou le corps.',
  'privacy.visitor.limits':
    'Les limites du nombre de certaines requêtes sont comptées sous une empreinte de l’adresse réseau ou électronique concernée, et oubliées à la fin de leur période.',
  'privacy.visitor.images':
    'Certaines pages montrent des images que les émetteurs hébergent sur leurs propres sites : votre navigateur les y charge, et donne ainsi votre adresse réseau à ce site.',

  'privacy.sent.heading': 'Ce qui est envoyé ailleurs',
  'privacy.sent.mail':
    'Les courriels (liens de réception, liens de connexion, confirmations d’adresse, les notifications que vous n’avez pas désactivées) partent par le serveur de messagerie de l’exploitant. La plateforme garde chaque courriel {mailDays} jours après son envoi, puis en efface l’adresse, l’objet et le texte.',
  'privacy.sent.webhooks':
    'Les émetteurs peuvent recevoir des événements sur les certifications qu’ils ont délivrées (délivrée, reçue ou refusée, consultée, partagée, téléchargée, vérifiée, révoquée, suspendue, expirée ; progression dans un parcours, comptée sous un pseudonyme), par leur flux d’événements ou des webhooks : identifiants, types et motif donné pour une révocation ou une suspension ; jamais le nom, l’adresse électronique ni l’adresse réseau du titulaire.',
  'privacy.sent.wallets':
    'Quand vous ajoutez une certification à un portefeuille, elle va au portefeuille que vous avez choisi ; une copie liée au portefeuille garde l’identifiant du portefeuille (son DID).',
  'privacy.sent.apps':
    'Une application que vous connectez lit vos certifications et votre profil, ajoute des certifications ou met à jour votre profil, dans la mesure où vous le lui avez permis. Quand vous importez depuis un autre hôte Open Badges, cette plateforme s’y inscrit comme application et lit les certifications que vous lui permettez de lire.',
  'privacy.sent.share':
    'Les boutons de partage et « Ajouter à LinkedIn » ouvrent le site choisi avec le lien de la certification, et seulement quand vous les pressez.',
  'privacy.sent.log':
    'L’empreinte de chaque certification est ajoutée au journal de transparence public, dont les témoins, s’il en a, contresignent les points de contrôle : des empreintes, aucune donnée personnelle.',
  'privacy.sent.fetch':
    'Pour vérifier des certifications délivrées ailleurs, la plateforme lit les clés publiées et les listes de statut de l’émetteur sur le site de l’émetteur.',
};
