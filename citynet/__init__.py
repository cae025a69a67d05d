"""The Citynet Knowledge Hub project and its shared core: home, member cities, dimensions."""
