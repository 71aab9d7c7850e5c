/** Adding a credential to a digital wallet: the page's controls and the transaction code mail (spread into en.ts and fr.ts). */
export const walletEn = {
  'wallet.heading': 'Add to a wallet',
  'wallet.lead':
    'Keep this credential in a digital wallet app on your phone, and present it from there. Only you see this.',
  'wallet.bind': 'Sign a copy for my wallet (its subject will be the wallet’s own identifier)',
  'wallet.bindHint':
    'The copy says the same thing, is revoked with the original, and proves that whoever presents it holds the wallet.',
  'wallet.add': 'Add to wallet',
  'wallet.pageTitle': 'Add {name} to a wallet',
  'wallet.expires': 'These codes work once, for 10 minutes. Scan one with your wallet app.',
  'wallet.lcwHeading': 'Learner Credential Wallet',
  'wallet.lcwLead': 'Scan this code with the Learner Credential Wallet, or open the link on your phone.',
  'wallet.lcwOpen': 'Open in Learner Credential Wallet',
  'wallet.lcwQrAlt': 'QR code that opens this credential in the Learner Credential Wallet',
  'wallet.interaction': 'Wallets that speak VC-API can use this address instead:',
  'wallet.oid4vciHeading': 'Other wallets (OpenID4VCI)',
  'wallet.oid4vciLead':
    'Scan this code with a wallet that supports OpenID for Verifiable Credential Issuance.',
  'wallet.oid4vciOpen': 'Open in a wallet app',
  'wallet.oid4vciQrAlt': 'QR code with an OpenID4VCI credential offer for this credential',
  'wallet.used': 'This offer was used or has expired. Start again from the credential page.',
  'wallet.completed': 'Your wallet has received the credential.',
  'wallet.back': 'Back to the credential',
  'wallet.copiesHeading': 'In your wallets',
  'wallet.copiesLead': 'Copies signed for your wallets, revoked with this credential:',
  'mail.walletCode.subject': 'Your code to add {achievement} to your wallet',
  'mail.walletCode.body':
    'Your wallet will ask for a code to receive {achievement}, from {issuer}. Your code is {code}.',
  'mail.walletCode.action': 'See the credential',
  'mail.walletCode.note':
    'The code works once, within 10 minutes. If you did not ask to add this credential to a wallet, ignore this mail: without the code nobody can receive it.',
};

export const walletFr: Readonly<Record<keyof typeof walletEn, string>> = {
  'wallet.heading': 'Ajouter à un portefeuille',
  'wallet.lead':
    'Conservez cette certification dans une application de portefeuille numérique sur votre téléphone, et présentez-la depuis celle-ci. Vous seul voyez ceci.',
  'wallet.bind':
    'Signer une copie pour mon portefeuille (son sujet sera l’identifiant propre du portefeuille)',
  'wallet.bindHint':
    'La copie dit la même chose, est révoquée avec l’original, et prouve que la personne qui la présente détient le portefeuille.',
  'wallet.add': 'Ajouter au portefeuille',
  'wallet.pageTitle': 'Ajouter {name} à un portefeuille',
  'wallet.expires':
    'Ces codes fonctionnent une fois, pendant 10 minutes. Scannez-en un avec votre application de portefeuille.',
  'wallet.lcwHeading': 'Learner Credential Wallet',
  'wallet.lcwLead': 'Scannez ce code avec Learner Credential Wallet, ou ouvrez le lien sur votre téléphone.',
  'wallet.lcwOpen': 'Ouvrir dans Learner Credential Wallet',
  'wallet.lcwQrAlt': 'QR code qui ouvre cette certification dans Learner Credential Wallet',
  'wallet.interaction': 'Les portefeuilles qui parlent VC-API peuvent utiliser cette adresse à la place :',
  'wallet.oid4vciHeading': 'Autres portefeuilles (OpenID4VCI)',
  'wallet.oid4vciLead':
    'Scannez ce code avec un portefeuille compatible OpenID for Verifiable Credential Issuance.',
  'wallet.oid4vciOpen': 'Ouvrir dans une application de portefeuille',
  'wallet.oid4vciQrAlt': 'QR code contenant une offre OpenID4VCI pour cette certification',
  'wallet.used': 'Cette offre a été utilisée ou a expiré. Recommencez depuis la page de la certification.',
  'wallet.completed': 'Votre portefeuille a reçu la certification.',
  'wallet.back': 'Retour à la certification',
  'wallet.copiesHeading': 'Dans vos portefeuilles',
  'wallet.copiesLead': 'Copies signées pour vos portefeuilles, révoquées avec cette certification :',
  'mail.walletCode.subject': 'Votre code pour ajouter {achievement} à votre portefeuille',
  'mail.walletCode.body':
    'Votre portefeuille vous demandera un code pour recevoir {achievement}, de {issuer}. Votre code est {code}.',
  'mail.walletCode.action': 'Voir la certification',
  'mail.walletCode.note':
    'Le code fonctionne une fois, dans les 10 minutes. Si vous n’avez pas demandé à ajouter cette certification à un portefeuille, ignorez ce message : sans le code, personne ne peut le recevoir.',
};
