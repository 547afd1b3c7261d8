// Registers the cdktf Testing matchers (toHaveResourceWithProperties, toBeValidTerraform, ...).
const { Testing } = require('cdktf');

Testing.setupJest();
