/** What the user is told when an answer could not be sent or built. */
export const APOLOGY = "Sorry, something went wrong and I couldn't send that answer. Please try again in a moment.";
