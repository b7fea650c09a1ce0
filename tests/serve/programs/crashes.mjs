// An agent program that fails at once, saying why on stderr.
console.log('starting');
console.error('Error: the model server refused the connection');
process.exit(3);
