/** Notification mails (domain/notify), the settings that choose them and the unsubscribe page, in English and French. */
export const notificationsEn = {
  'notify.note': 'You receive this mail because of your notification settings on microcred.',
  'notify.unsubscribe': 'Unsubscribe from {kind}',
  'notify.kind.pathway-award': 'credentials awarded by a pathway',
  'notify.kind.expiry': 'expiry reminders',
  'notify.kind.pathway-progress': 'pathway progress',
  'notify.kind.new-achievement': 'new achievements for skills you follow',
  'notify.kindHint.pathway-award': 'When completing a pathway earns you a credential automatically.',
  'notify.kindHint.expiry': '30, 7 and 1 days before one of your credentials expires.',
  'notify.kindHint.pathway-progress':
    'When a credential moves you along a pathway, and when one more would complete it.',
  'notify.kindHint.new-achievement':
    'When an issuer publishes an achievement with the skills of a pathway you follow.',
  'notify.pathwayAward.subject': 'You earned “{achievement}” by completing “{pathway}”',
  'notify.pathwayAward.body':
    '{issuer} has awarded you “{achievement}” automatically: your credentials meet the requirements of the pathway “{pathway}”.',
  'notify.pathwayAward.action': 'See your credential',
  'notify.progress.step.subject': 'You are {percent}% of the way through “{pathway}”',
  'notify.progress.step.body':
    'A new credential of yours counts toward the pathway “{pathway}”: you are {percent}% of the way.',
  'notify.progress.oneAway.subject': 'One credential away from completing “{pathway}”',
  'notify.progress.oneAway.body':
    'One more credential completes the pathway “{pathway}”. Any one of these will do: {options}.',
  'notify.progress.action': 'See the pathway',
  'notify.expiry.subject': 'Your credential “{achievement}” expires in {days} days',
  'notify.expiry.subject.tomorrow': 'Your credential “{achievement}” expires tomorrow',
  'notify.expiry.body': '“{achievement}”, issued by {issuer}, is valid until {date}.',
  'notify.expiry.bodyRenew':
    '“{achievement}”, issued by {issuer}, is valid until {date}. {issuer} offers a way to renew it.',
  'notify.expiry.action': 'See your credential',
  'notify.expiry.actionRenew': 'Renew it',
  'notify.newAchievement.subject': 'New from {issuer}: “{achievement}”',
  'notify.newAchievement.body':
    '{issuer} has published “{achievement}”. It proves skills of the pathway “{pathway}” you follow: {skills}.',
  'notify.newAchievement.action': 'See the achievement',
  'notify.settings.heading': 'Mail notifications',
  'notify.settings.lead':
    'Choose which mails microcred sends you. Every mail also has a link to stop its kind.',
  'notify.settings.save': 'Update notification choices',
  'notify.unsubscribePage.title': 'Unsubscribe',
  'notify.unsubscribePage.confirm': 'Stop mails about {kind}?',
  'notify.unsubscribePage.button': 'Unsubscribe',
  'notify.unsubscribePage.done': 'You will no longer receive mails about {kind}.',
  'notify.unsubscribePage.settings': 'You can turn them back on in your account settings.',
} as const;

export const notificationsFr: Readonly<Record<keyof typeof notificationsEn, string>> = {
  'notify.note': 'Vous recevez ce courriel en raison de vos réglages de notification sur microcred.',
  'notify.unsubscribe': 'Se désabonner : {kind}',
  'notify.kind.pathway-award': 'certifications décernées par un parcours',
  'notify.kind.expiry': 'rappels d’expiration',
  'notify.kind.pathway-progress': 'progression dans un parcours',
  'notify.kind.new-achievement': 'nouvelles certifications pour les compétences suivies',
  'notify.kindHint.pathway-award': 'Quand un parcours achevé vous vaut automatiquement une certification.',
  'notify.kindHint.expiry': '30, 7 et 1 jours avant l’expiration d’une de vos certifications.',
  'notify.kindHint.pathway-progress':
    'Quand une certification vous fait avancer dans un parcours, et quand une seule de plus l’achèverait.',
  'notify.kindHint.new-achievement':
    'Quand un émetteur publie une certification portant sur les compétences d’un parcours que vous suivez.',
  'notify.pathwayAward.subject': 'Vous avez obtenu « {achievement} » en achevant « {pathway} »',
  'notify.pathwayAward.body':
    '{issuer} vous a décerné « {achievement} » automatiquement : vos certifications remplissent les conditions du parcours « {pathway} ».',
  'notify.pathwayAward.action': 'Voir votre certification',
  'notify.progress.step.subject': 'Vous avez parcouru {percent} % de « {pathway} »',
  'notify.progress.step.body':
    'Une nouvelle certification compte pour le parcours « {pathway} » : vous en avez parcouru {percent} %.',
  'notify.progress.oneAway.subject': 'Plus qu’une certification pour achever « {pathway} »',
  'notify.progress.oneAway.body':
    'Une certification de plus achève le parcours « {pathway} ». N’importe laquelle de celles-ci suffit : {options}.',
  'notify.progress.action': 'Voir le parcours',
  'notify.expiry.subject': 'Votre certification « {achievement} » expire dans {days} jours',
  'notify.expiry.subject.tomorrow': 'Votre certification « {achievement} » expire demain',
  'notify.expiry.body': '« {achievement} », délivrée par {issuer}, est valable jusqu’au {date}.',
  'notify.expiry.bodyRenew':
    '« {achievement} », délivrée par {issuer}, est valable jusqu’au {date}. {issuer} propose de la renouveler.',
  'notify.expiry.action': 'Voir votre certification',
  'notify.expiry.actionRenew': 'La renouveler',
  'notify.newAchievement.subject': 'Nouveau chez {issuer} : « {achievement} »',
  'notify.newAchievement.body':
    '{issuer} a publié « {achievement} ». Elle atteste des compétences du parcours « {pathway} » que vous suivez : {skills}.',
  'notify.newAchievement.action': 'Voir la certification',
  'notify.settings.heading': 'Notifications par courriel',
  'notify.settings.lead':
    'Choisissez les courriels que microcred vous envoie. Chaque courriel contient aussi un lien pour arrêter ce type d’envoi.',
  'notify.settings.save': 'Enregistrer les notifications',
  'notify.unsubscribePage.title': 'Se désabonner',
  'notify.unsubscribePage.confirm': 'Ne plus recevoir de courriels : {kind} ?',
  'notify.unsubscribePage.button': 'Se désabonner',
  'notify.unsubscribePage.done': 'Vous ne recevrez plus de courriels : {kind}.',
  'notify.unsubscribePage.settings': 'Vous pouvez les réactiver dans les réglages de votre compte.',
};
