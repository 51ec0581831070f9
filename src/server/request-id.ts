/** What a Cannon request id may look like, in a path we build or in a reply we relay (never `../`). */
export const REQUEST_ID = /^[A-Za-z0-9_-]{1,128}$/
