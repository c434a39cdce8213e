// Test fixture: a path worker entry that fails as it loads, like a worker whose install is broken.
throw new Error("this path worker cannot start");
