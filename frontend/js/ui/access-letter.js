// The letter asking a camera's operator for the recordings of oneself: the right of access of the
// GDPR (article 15), after the CNIL's model letter, filled with the operator, the place and the
// date. French first; English for the English app (the law quoted is the same in the EU). Pure:
// it returns the letter's parts, the panel prints them (textContent only).

const TEXT = {
  fr: {
    subject: 'Objet : demande d’accès aux images me concernant (article 15 du RGPD)',
    to: (operator) => `À l’attention du responsable du dispositif vidéo : ${operator}`,
    opening: 'Madame, Monsieur,',
    body: (place, date) => [
      `En application de l’article 15 du règlement général sur la protection des données (RGPD) et, s’il s’agit d’un dispositif de vidéoprotection sur la voie publique, de l’article L. 253-5 du code de la sécurité intérieure, je vous prie de bien vouloir me communiquer les enregistrements vidéo me concernant réalisés par la ou les caméras que vous exploitez ${place}, le ${date} entre ……… h ……… et ……… h ……… .`,
      'Afin de faciliter la recherche, je vous précise que je portais : …………………………………………………………',
      'Je vous demande de conserver ces images jusqu’à ce qu’il ait été répondu à ma demande. Vous disposez d’un délai d’un mois à compter de sa réception pour y répondre (article 12.3 du RGPD). À défaut de réponse satisfaisante, je me réserve la possibilité de saisir la CNIL.',
      'Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.',
    ],
    sender: 'Nom, prénom et adresse : …………………………………………………………',
    signature: 'Signature :',
    made: (date) => `Fait le ${date}`,
    at: (lat, lon) => `au point ${lat}, ${lon} (latitude, longitude)`,
    unknownOperator: 'l’exploitant de la caméra (nom à préciser)',
  },
  en: {
    subject: 'Subject: request for access to recordings of me (GDPR article 15)',
    to: (operator) => `For the attention of the controller of the video system: ${operator}`,
    opening: 'Dear Sir or Madam,',
    body: (place, date) => [
      `Under article 15 of the General Data Protection Regulation (GDPR), please send me the video recordings of me made by the camera or cameras you operate ${place}, on ${date} between ……:…… and ……:…… .`,
      'To help you find them, I was wearing: …………………………………………………………',
      'Please keep these recordings until my request has been answered. You have one month from its receipt to answer it (GDPR article 12(3)). Failing a satisfactory answer, I may refer the matter to the data protection authority.',
      'Yours faithfully,',
    ],
    sender: 'Name and address: …………………………………………………………',
    signature: 'Signature:',
    made: (date) => `Date: ${date}`,
    at: (lat, lon) => `at the point ${lat}, ${lon} (latitude, longitude)`,
    unknownOperator: 'the operator of the camera (name to be found)',
  },
};

/**
 * @param {{operator?: string, placeName?: string, point: {lat, lon}, date: Date, lang: 'fr'|'en'}} what
 * @returns {{subject: string, to: string, opening: string, body: string[], sender: string, signature: string, made: string}}
 */
export function accessLetter({ operator, placeName, point, date, lang }) {
  const text = TEXT[lang] || TEXT.fr;
  const day = date.toLocaleDateString(lang === 'en' ? 'en-GB' : 'fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
  const at = text.at(point.lat.toFixed(6), point.lon.toFixed(6));
  const place = placeName ? `${placeName}, ${at}` : at;
  return {
    subject: text.subject,
    to: text.to(operator || text.unknownOperator),
    opening: text.opening,
    body: text.body(place, day),
    sender: text.sender,
    signature: text.signature,
    made: text.made(day),
  };
}
