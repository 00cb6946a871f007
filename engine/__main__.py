from engine.entry import main

if __name__ == "__main__":  # spawned worker processes (plancheck serve) import this module again
    main()
