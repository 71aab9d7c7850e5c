/** Apps connected through the Open Badges 3.0 API: consent and the list in settings (spread into en.ts and fr.ts). */
export const connectedAppsEn = {
  'apps.title': 'Connected apps',
  'apps.lead':
    'Apps you allowed to use your backpack through the Open Badges API. Disconnecting one stops it at once.',
  'apps.none': 'No app is connected to your account.',
  'apps.app': 'App',
  'apps.access': 'Access',
  'apps.since': 'Connected',
  'apps.disconnect': 'Disconnect',
  'apps.disconnectConfirm': 'Disconnect {name}? It will no longer reach your credentials or profile.',
  'apps.disconnected': 'The app was disconnected.',
  'apps.settingsLink': 'Manage connected apps',
  'apps.consent.title': 'Connect {name} to your backpack?',
  'apps.consent.lead': '{name}, at {host}, asks to:',
  'apps.consent.redirect': 'When you answer, you go back to {host}.',
  'apps.consent.allow': 'Allow',
  'apps.consent.deny': 'Deny',
  'apps.consent.refused': 'This connection request cannot be answered: {reason}',
  'apps.scope.credentialReadonly': 'read the credentials in your backpack',
  'apps.scope.credentialUpsert': 'add credentials to your backpack (each is verified on the way in)',
  'apps.scope.profileReadonly': 'read your profile (your name and your email address)',
  'apps.scope.profileUpdate': 'update your profile (your name and headline)',
  'backpacks.heading': 'Bring credentials from another backpack',
  'backpacks.lead':
    'Another platform that speaks Open Badges 3.0 can give you your credentials: enter its address, agree there, and each credential is verified and added to your account.',
  'backpacks.url': 'Address of the other platform',
  'backpacks.connect': 'Connect',
  'backpacks.continueTitle': 'Continue on {host}',
  'backpacks.continueText':
    '{host} will ask you to sign in there and to let this platform read your credentials. You then come back here.',
  'backpacks.continue': 'Continue to {host}',
  'backpacks.doneTitle': 'Credentials from {host}',
  'backpacks.done':
    '{received, plural, =0 {{host} gave no credentials.} one {{host} gave # credential.} other {{host} gave # credentials.}} {added, plural, =0 {None was new to your account.} one {# was added to your account.} other {# were added to your account.}} {verified, plural, =0 {None verified.} one {# verified.} other {# verified.}}',
  'backpacks.toAccount': 'See your credentials',
};

export const connectedAppsFr: Readonly<Record<keyof typeof connectedAppsEn, string>> = {
  'apps.title': 'Applications connectées',
  'apps.lead':
    'Les applications que vous avez autorisées à utiliser votre sac à badges par l’API Open Badges. En déconnecter une l’arrête aussitôt.',
  'apps.none': 'Aucune application n’est connectée à votre compte.',
  'apps.app': 'Application',
  'apps.access': 'Accès',
  'apps.since': 'Connectée le',
  'apps.disconnect': 'Déconnecter',
  'apps.disconnectConfirm':
    'Déconnecter {name}\u00a0? Elle n’aura plus accès à vos certifications ni à votre profil.',
  'apps.disconnected': 'L’application a été déconnectée.',
  'apps.settingsLink': 'Gérer les applications connectées',
  'apps.consent.title': 'Connecter {name} à votre sac à badges\u00a0?',
  'apps.consent.lead': '{name}, sur {host}, demande à\u00a0:',
  'apps.consent.redirect': 'Après votre réponse, vous revenez sur {host}.',
  'apps.consent.allow': 'Autoriser',
  'apps.consent.deny': 'Refuser',
  'apps.consent.refused': 'Cette demande de connexion ne peut pas recevoir de réponse\u00a0: {reason}',
  'apps.scope.credentialReadonly': 'lire les certifications de votre sac à badges',
  'apps.scope.credentialUpsert':
    'ajouter des certifications à votre sac à badges (chacune est vérifiée à son arrivée)',
  'apps.scope.profileReadonly': 'lire votre profil (votre nom et votre adresse e-mail)',
  'apps.scope.profileUpdate': 'modifier votre profil (votre nom et votre accroche)',
  'backpacks.heading': 'Rapatrier des certifications d’un autre sac à badges',
  'backpacks.lead':
    'Une autre plateforme compatible Open Badges 3.0 peut vous remettre vos certifications : saisissez son adresse, donnez votre accord chez elle, et chaque certification est vérifiée puis ajoutée à votre compte.',
  'backpacks.url': 'Adresse de l’autre plateforme',
  'backpacks.connect': 'Connecter',
  'backpacks.continueTitle': 'Continuer sur {host}',
  'backpacks.continueText':
    '{host} vous demandera de vous connecter chez elle et de permettre à cette plateforme de lire vos certifications. Vous revenez ensuite ici.',
  'backpacks.continue': 'Continuer vers {host}',
  'backpacks.doneTitle': 'Certifications de {host}',
  'backpacks.done':
    '{received, plural, =0 {{host} n’a remis aucune certification.} one {{host} a remis # certification.} other {{host} a remis # certifications.}} {added, plural, =0 {Aucune n’était nouvelle pour votre compte.} one {# a été ajoutée à votre compte.} other {# ont été ajoutées à votre compte.}} {verified, plural, =0 {Aucune n’est vérifiée.} one {# est vérifiée.} other {# sont vérifiées.}}',
  'backpacks.toAccount': 'Voir vos certifications',
};
