/**
 * A few rows in ESCO's own file shapes: enough for a data analyst's role, imported in milliseconds (the
 * real framework takes seconds). Real ESCO URIs where the demo data uses them (SQL, visual presentation).
 */
export const SKILL = 'http://data.europa.eu/esco/skill/';
export const SQL = `${SKILL}598de5b0-5b58-4ea7-8058-a4bc4d18c742`;
export const VISUAL = `${SKILL}c3e36d05-8ae8-447f-bb2b-6f9409f85389`;
export const ANALYSIS = `${SKILL}2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f`;
export const STATISTICS = `${SKILL}9ff60a61-4d8c-4b1f-9a33-0f5c0b9b2a31`;
export const SPREADSHEETS = `${SKILL}1973c966-f236-40c9-b2d4-5d71a89019be`;
export const OCCUPATION_ID = '0a1b2c3d-0000-4000-8000-00000000da7a';
export const ANALYST = `http://data.europa.eu/esco/occupation/${OCCUPATION_ID}`;
export const SCIENTIST = 'http://data.europa.eu/esco/occupation/0a1b2c3d-0000-4000-8000-0000000005c1';

export const ESCO_FILES = {
  skills: [
    'uri,label,type,reuseLevel,altLabels,description,broader,occupationCount',
    `${SQL},SQL,knowledge,cross-sector,,The computer language SQL.,,2`,
    `${VISUAL},present data visually,skill,cross-sector,,Charts and diagrams.,,2`,
    `${ANALYSIS},analyse big data,skill,cross-sector,,Numbers in bulk.,,2`,
    `${STATISTICS},statistics,knowledge,cross-sector,,The study of data.,,2`,
    `${SPREADSHEETS},use spreadsheets software,skill,cross-sector,,Tables.,,1`,
    // The demo achievements' other skills, so that the demo data seeds on this framework too.
    `${SKILL}50b100ea-74fd-4706-99db-3e4ca55e51b8,perform data cleansing,skill,cross-sector,,Clean data.,,0`,
    `${SKILL}ccd0a1d9-afda-43d9-b901-96344886e14d,Python (computer programming),knowledge,cross-sector,,Python.,,0`,
    `${SKILL}7ee4c2ea-b349-4bd2-81a3-ec31475d4833,statistics,knowledge,cross-sector,,Statistics.,,0`,
  ].join('\n'),
  skillGroups: 'uri,code,label,broader,description\nhttp://data.europa.eu/esco/skill/group,K,knowledge,,',
  occupations: [
    'uri,label,isco,escoCode,altLabels,description',
    `${ANALYST},data analyst,2511,2511.4,business data analyst | data analysis specialist,Data analysts import and analyse data.`,
    `${SCIENTIST},data scientist,2511,2511.3,,Data scientists find and interpret data.`,
  ].join('\n'),
  occupationSkills: [
    'occupationUri,skillUri,relation',
    `${ANALYST},${SQL},essential`,
    `${ANALYST},${VISUAL},essential`,
    `${ANALYST},${ANALYSIS},essential`,
    `${ANALYST},${STATISTICS},essential`,
    `${ANALYST},${SPREADSHEETS},optional`,
    `${SCIENTIST},${STATISTICS},essential`,
  ].join('\n'),
};
