"""The pages of the cases app: penalty cases (`cases`) and the discretion catalogue (`discretion`)."""
