/** Adding a credential to a digital wallet: the page's controls and the transaction code mail (spread into en.ts and fr.ts). */
export const walletEn = {
  'mail.walletCode.subject': 'Your code to add {achievement} to your wallet',
  'mail.walletCode.body':
    'Your wallet will ask for a code to receive {achievement}, from {issuer}. Your code is {code}.',
  'mail.walletCode.action': 'See the credential',
  'mail.walletCode.note':
    'The code works once, within 10 minutes. If you did not ask to add this credential to a wallet, ignore this mail: without the code nobody can receive it.',
};

export const walletFr: Readonly<Record<keyof typeof walletEn, string>> = {
  'mail.walletCode.subject': 'Votre code pour ajouter {achievement} à votre portefeuille',
  'mail.walletCode.body':
    'Votre portefeuille vous demandera un code pour recevoir {achievement}, de {issuer}. Votre code est {code}.',
  'mail.walletCode.action': 'Voir la certification',
  'mail.walletCode.note':
    'Le code fonctionne une fois, dans les 10 minutes. Si vous n’avez pas demandé à ajouter cette certification à un portefeuille, ignorez ce message : sans le code, personne ne peut le recevoir.',
};
