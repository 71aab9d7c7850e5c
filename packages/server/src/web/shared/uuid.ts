/** The ids the pages' addresses and forms carry: anything else names nothing (and never reaches a uuid column). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
