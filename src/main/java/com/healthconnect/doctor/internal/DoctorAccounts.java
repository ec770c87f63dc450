package com.healthconnect.doctor.internal;

import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.AccountClosure;
import com.healthconnect.auth.AccountStore;
import com.healthconnect.auth.AccountView;
import com.healthconnect.auth.DoctorRegistration;
import com.healthconnect.auth.Registration;
import com.healthconnect.auth.Role;
import com.healthconnect.doctor.Verification;

/** The doctor side of accounts, and the doctors collection's indexes. */
@Component
class DoctorAccounts implements AccountStore, InitializingBean {

	private final Doctors doctors;
	private final MongoTemplate mongo;

	/** Off only where tests and benchmarks register doctors they need bookable at once. */
	private final boolean verificationRequired;

	DoctorAccounts(Doctors doctors, MongoTemplate mongo,
			@Value("${healthconnect.doctors.verification-required:true}") boolean verificationRequired) {
		this.verificationRequired = verificationRequired;
		this.doctors = doctors;
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		var indexes = mongo.indexOps(Doctor.class);
		indexes.createIndex(new Index().on("email", Direction.ASC).unique().named("email_unique"));
		indexes.createIndex(new Index().on("specializationKey", Direction.ASC).on("nameKey", Direction.ASC)
			.named("specialization_name"));
		indexes.createIndex(new Index().on("nameKey", Direction.ASC).named("name"));
	}

	@Override
	public Role role() {
		return Role.DOCTOR;
	}

	@Override
	public Optional<StoredCredentials> findCredentials(String email) {
		return doctors.findByEmail(email).map(d -> new StoredCredentials(d.getId(), d.getPasswordHash()));
	}

	@Override
	public AccountView create(String id, Registration registration, String email, String passwordHash) {
		DoctorRegistration r = (DoctorRegistration) registration;
		Doctor doctor = new Doctor(r.name(), email, passwordHash,
				r.specialization(), r.qualification(), r.experience(), r.about(), r.contactNumber(), r.timeZone(),
				r.licenseNumber(), verificationRequired ? Verification.PENDING : Verification.VERIFIED);
		doctor.assignId(id);
		return DoctorMapper.view(doctors.insert(doctor));
	}

	@Override
	public Optional<AccountView> find(String id) {
		return doctors.findById(id).map(DoctorMapper::view);
	}

	@Override
	public void setPasswordHash(String id, String passwordHash) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("passwordHash", passwordHash),
				Doctor.class);
	}

	@Override
	public void erase(String id) {
		doctors.findById(id).ifPresent(doctor -> {
			doctor.erase(AccountClosure.DELETED_NAME);
			doctors.save(doctor);
		});
	}

	@Override
	public void delete(String id) {
		doctors.deleteById(id);
	}
}
